import asyncio

async def producer(q):
    for i in range(5):
        print("producer putting", i, "qsize", q.qsize())
        await q.put(i)
        print("producer put", i)
    await q.put(None)

async def consumer(q):
    while True:
        item = await q.get()
        print("consumer got", item)
        if item is None:
            break
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))
    print("empty at end:", q.empty())

asyncio.run(main())
