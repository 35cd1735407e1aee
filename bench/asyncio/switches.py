# 10,000 tasks, each switching 10 times with sleep(0).
import asyncio

async def worker(n):
    for _ in range(10):
        await asyncio.sleep(0)
    return n

async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(10_000)]
    results = await asyncio.gather(*tasks)
    print(sum(results))

asyncio.run(main())
