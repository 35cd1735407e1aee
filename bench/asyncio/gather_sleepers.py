# gather of 10,000 tasks sleeping for different times.
import asyncio

async def sleeper(i):
    await asyncio.sleep((i % 100) / 1000)
    return i

async def main():
    results = await asyncio.gather(*(sleeper(i) for i in range(10_000)))
    print(len(results), sum(results))

asyncio.run(main())
