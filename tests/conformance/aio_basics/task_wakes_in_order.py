import asyncio

async def napper(name, delay):
    print(name, "sleeps", delay)
    await asyncio.sleep(delay)
    print(name, "wakes")
    return name

async def main():
    tasks = [asyncio.create_task(napper(n, d))
             for n, d in [("c", 0.15), ("a", 0.05), ("b", 0.1), ("a2", 0.05)]]
    print("created", len(tasks))
    for t in tasks:
        print("awaited", await t)

asyncio.run(main())
