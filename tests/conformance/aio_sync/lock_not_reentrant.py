import asyncio

async def main():
    lock = asyncio.Lock()
    async with lock:
        print("holding; trying to acquire again with a timeout")
        try:
            await asyncio.wait_for(lock.acquire(), 0.02)
        except TimeoutError:
            print("second acquire blocked: asyncio.Lock is not reentrant")
    print("locked after block", lock.locked())

asyncio.run(main())
