class Receive:
    def __await__(self):
        value = yield "need value"
        return value
async def adder():
    total = 0
    for _ in range(3):
        v = await Receive()
        print("  got", v)
        total += v
    return total
c = adder()
print(c.send(None))
print(c.send(10))
print(c.send(20))
try:
    c.send(12)
except StopIteration as e:
    print("total", e.value)
