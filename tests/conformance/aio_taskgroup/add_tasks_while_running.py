import asyncio

async def spawner(tg, depth):
    print("spawner depth", depth)
    await asyncio.sleep(0.01)
    if depth < 3:
        tg.create_task(spawner(tg, depth + 1))
    return depth

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(spawner(tg, 0))
        print("body done; group waits for spawned children")
    print("group exited")

asyncio.run(main())
