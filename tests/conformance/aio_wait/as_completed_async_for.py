import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(job(n, d), name=n)
             for n, d in [("c", 0.15), ("a", 0.05), ("b", 0.1)]]
    async for t in asyncio.as_completed(tasks):
        print("yielded original task:", t in tasks, t.get_name(), t.result())

asyncio.run(main())
