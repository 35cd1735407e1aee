import asyncio

async def consumer(q):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            print("consumer: queue shut down and drained")
            return
        print("consumer got", item)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    q.shutdown()
    try:
        await q.put(99)
    except asyncio.QueueShutDown as e:
        print("put after shutdown:", type(e).__name__)
    try:
        q.put_nowait(99)
    except asyncio.QueueShutDown:
        print("put_nowait after shutdown raises too")
    await consumer(q)
    print("qsize", q.qsize())

asyncio.run(main())
