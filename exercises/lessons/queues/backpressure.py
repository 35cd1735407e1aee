import asyncio


async def producer(q, clock):
    for n in range(5):
        await q.put(n)
        print(f"{clock():.1f} s  put {n}")


async def consumer(q, clock):
    for _ in range(5):
        await asyncio.sleep(1)
        n = await q.get()
        print(f"{clock():.1f} s  got {n}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()

    def clock():
        return loop.time() - start

    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q, clock), consumer(q, clock))


asyncio.run(main())
