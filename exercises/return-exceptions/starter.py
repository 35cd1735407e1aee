import asyncio


async def read(n):
    await asyncio.sleep(0.1 * n)
    if n == 3:
        raise ValueError(f"sensor {n} is unplugged")
    return 20 + n


async def main():
    try:
        results = await asyncio.gather(read(1), read(2), read(3), read(4))
        for n, r in enumerate(results, start=1):
            print(f"sensor {n}: {r}")
    except ValueError as e:
        print("reading failed:", e)


asyncio.run(main())
