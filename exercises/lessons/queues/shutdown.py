import asyncio


async def reader(name, q):
    while True:
        try:
            line = await q.get()
        except asyncio.QueueShutDown:
            print(name, "sees the queue is closed")
            return
        print(name, "read", line)
        await asyncio.sleep(0.1)


async def main():
    q = asyncio.Queue()
    readers = [asyncio.create_task(reader(n, q)) for n in ("r1", "r2")]
    for line in ["alpha", "beta", "gamma"]:
        await q.put(line)
    q.shutdown()
    await asyncio.gather(*readers)


asyncio.run(main())
