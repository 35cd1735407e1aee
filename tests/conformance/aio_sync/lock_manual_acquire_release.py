import asyncio

async def main():
    lock = asyncio.Lock()
    print("acquire ->", await lock.acquire(), "locked", lock.locked())
    lock.release()
    print("after release locked", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        async with lock:
            print("inside, locked", lock.locked())
            raise KeyError("boom")
    except KeyError:
        print("exception released the lock:", not lock.locked())

asyncio.run(main())
