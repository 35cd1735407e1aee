# A blocking time.sleep in a coroutine stops the loop, but a worker
# thread started before it keeps running and prints during the block.
import asyncio
import time

start = time.monotonic()

def stamp():
    return f"[{round(time.monotonic() - start)} s]"

def worker():
    for i in range(3):
        time.sleep(0.3)
        print(stamp(), "worker step", i)
    return "worker result"

async def ticker():
    for i in range(3):
        print(stamp(), "tick", i)
        await asyncio.sleep(0.2)

async def main():
    t = asyncio.create_task(ticker())
    job = asyncio.create_task(asyncio.to_thread(worker))
    await asyncio.sleep(0)
    print(stamp(), "main blocks the loop")
    time.sleep(1)
    print(stamp(), "main unblocked")
    print(await job)
    await t

asyncio.run(main())
