import asyncio

async def grabber(name, lock, log):
    for _ in range(2):
        async with lock:
            log.append(name)
            await asyncio.sleep(0)

async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(grabber("a", lock, log), grabber("b", lock, log), grabber("c", lock, log))
    print(log)

asyncio.run(main())
