import asyncio

async def waiter(name, cond):
    async with cond:
        await cond.wait()
        print(name, "woke; lock held:", cond.locked())
        await asyncio.sleep(0)
        print(name, "leaving")

async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(n, cond)) for n in ("x", "y", "z")]
    await asyncio.sleep(0)
    async with cond:
        print("notify_all")
        cond.notify_all()
        print("still holding the lock")
    await asyncio.gather(*tasks)

asyncio.run(main())
