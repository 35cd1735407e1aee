import asyncio

async def add(a, b):
    print("add", a, b)
    return a + b

async def main():
    x = await add(1, 2)
    print("x =", x)
    y = await add(x, 10)
    print("y =", y)
    return [x, y]

result = asyncio.run(main())
print("run returned", result)
print("run again", asyncio.run(add(5, 6)))
