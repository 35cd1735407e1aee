import asyncio


async def download(n, limit, clock):
    async with limit:
        print(f"{clock():.1f} s  start {n}")
        await asyncio.sleep(1)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def clock():
        return loop.time() - start

    limit = asyncio.Semaphore(3)
    await asyncio.gather(*(download(n, limit, clock) for n in range(7)))
    print(f"{clock():.1f} s  all done")


asyncio.run(main())
