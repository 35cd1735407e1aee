import asyncio

async def slow(name, delay):
    print(name, "start")
    await asyncio.sleep(delay)
    print(name, "finished anyway")
    return name

async def fails():
    await asyncio.sleep(0.05)
    print("fails raising")
    raise RuntimeError("one failed")

async def main():
    t1 = asyncio.create_task(slow("t1", 0.15))
    t2 = asyncio.create_task(slow("t2", 0.25))
    try:
        await asyncio.gather(t1, fails(), t2)
    except RuntimeError as e:
        print("gather raised:", e)
    print("t1 done?", t1.done(), "t2 done?", t2.done())
    await asyncio.sleep(0.3)
    print("later: t1", t1.result(), "t2", t2.result())

asyncio.run(main())
