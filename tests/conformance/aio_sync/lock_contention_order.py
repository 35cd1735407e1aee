import asyncio

async def worker(name, lock):
    print(name, "wants lock")
    async with lock:
        print(name, "has lock; locked =", lock.locked())
        await asyncio.sleep(0.01)
        print(name, "releasing")
    print(name, "released")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(n, lock) for n in ("A", "B", "C")))
    print("locked at end:", lock.locked())

asyncio.run(main())
