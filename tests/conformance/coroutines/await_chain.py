async def double(x):
    return x * 2
async def compute(x):
    a = await double(x)
    b = await double(a)
    print("  compute intermediate", a, b)
    return a + b
async def main():
    results = []
    for i in range(3):
        results.append(await compute(i))
    return results
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
