import asyncio

async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait without lock:", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify without lock:", e)
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with shared:
        print("shared lock is locked:", lock.locked())
    print("released:", lock.locked())

asyncio.run(main())
