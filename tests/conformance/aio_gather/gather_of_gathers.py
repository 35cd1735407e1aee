import asyncio

async def leaf(x):
    await asyncio.sleep(0.05 * (3 - x % 3))
    print("leaf", x)
    return x * x

async def main():
    inner1 = asyncio.gather(leaf(1), leaf(2))
    inner2 = asyncio.gather(leaf(3), leaf(4), leaf(5))
    outer = await asyncio.gather(inner1, inner2, leaf(6))
    print(outer)
    print("flattened:", [y for part in outer[:2] for y in part] + [outer[2]])

asyncio.run(main())
