class Ready:
    def __init__(self, value):
        self.value = value
    def __await__(self):
        print("  Ready.__await__ yields")
        yield f"waiting for {self.value}"
        print("  Ready resumed")
        return self.value * 10
async def main():
    a = await Ready(1)
    b = await Ready(2)
    return a + b
c = main()
print(c.send(None))
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("done:", e.value)
