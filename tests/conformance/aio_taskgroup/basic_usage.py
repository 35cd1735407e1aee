import asyncio

async def fetch(name, delay):
    print("fetch", name, "start")
    await asyncio.sleep(delay)
    print("fetch", name, "end")
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("a", 0.1))
        t2 = tg.create_task(fetch("b", 0.05))
        print("tasks created, body ends")
    print("after block:", t1.done(), t2.done())
    print("results:", t1.result(), t2.result())

asyncio.run(main())
