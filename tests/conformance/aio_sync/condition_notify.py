import asyncio

async def consumer(name, cond, items):
    async with cond:
        print(name, "waiting")
        await cond.wait()
        print(name, "notified; takes", items.pop(0))

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(n, cond, items)) for n in ("c1", "c2", "c3")]
    await asyncio.sleep(0)
    for x in ("a", "b"):
        async with cond:
            items.append(x)
            print("notify one for", x)
            cond.notify()
        await asyncio.sleep(0)
    async with cond:
        items.append("c")
        cond.notify(5)
    await asyncio.gather(*tasks)

asyncio.run(main())
