import asyncio

async def leaf(name, delay):
    await asyncio.sleep(delay)
    print("leaf", name)
    return name

async def branch(label, base):
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(leaf(label + "1", base + 0.1))
        b = tg.create_task(leaf(label + "2", base + 0.05))
    print("branch", label, "done")
    return [a.result(), b.result()]

async def main():
    async with asyncio.TaskGroup() as tg:
        x = tg.create_task(branch("x", 0))
        y = tg.create_task(branch("y", 0.12))
    print(x.result(), y.result())

asyncio.run(main())
