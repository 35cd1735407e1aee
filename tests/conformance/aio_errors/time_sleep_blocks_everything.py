import asyncio
import time

async def punctual(name, delay, log):
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(delay)
    log.append((name, delay, loop.time() - start))
    print(name, "woke")

async def hog():
    print("hog blocks the loop with time.sleep(0.3)")
    time.sleep(0.3)
    print("hog done")

async def main():
    log = []
    await asyncio.gather(punctual("p1", 0.1, log), hog(), punctual("p2", 0.2, log))
    for name, delay, actual in log:
        print(name, "asked for", delay, "- woke late by 0.1 s or more:", actual - delay >= 0.1)

asyncio.run(main())
