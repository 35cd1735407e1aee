import asyncio

async def worker(n):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker", n, "cancelled")
        raise

async def main():
    tasks = [asyncio.create_task(worker(n)) for n in range(4)]
    await asyncio.sleep(0)
    for t in reversed(tasks):
        t.cancel()
    print("cancel requested in reverse order")
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in res])

asyncio.run(main())
