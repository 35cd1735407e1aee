import asyncio


async def read(n):
    await asyncio.sleep(0.1 * n)
    if n == 3:
        raise ValueError(f"sensor {n} is unplugged")
    return 20 + n


async def main():
    results = await asyncio.gather(read(1), read(2), read(3), read(4), return_exceptions=True)
    for n, r in enumerate(results, start=1):
        if isinstance(r, Exception):
            print(f"sensor {n}: error: {r}")
        else:
            print(f"sensor {n}: {r}")


asyncio.run(main())
