import asyncio
import time


async def heartbeat(clock):
    for _ in range(6):
        print(f"{clock():.1f} s  ♥")
        await asyncio.sleep(0.5)


async def slow_report(clock):
    await asyncio.sleep(0.6)
    print(f"{clock():.1f} s  report: sleeping the wrong way")
    time.sleep(2)  # blocks the whole event loop
    print(f"{clock():.1f} s  report: done")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def clock():
        return loop.time() - start

    await asyncio.gather(heartbeat(clock), slow_report(clock))


asyncio.run(main())
