import asyncio

async def main():
    q = asyncio.Queue()
    for i in range(3):
        q.put_nowait(i)
    print("before: qsize", q.qsize())
    q.shutdown(immediate=True)
    print("after immediate shutdown: qsize", q.qsize(), "empty", q.empty())
    try:
        q.get_nowait()
    except asyncio.QueueShutDown:
        print("get_nowait -> QueueShutDown")
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print("get -> QueueShutDown")
    await q.join()
    print("join returns: discarded items count as done")
    print(issubclass(asyncio.QueueShutDown, Exception))

asyncio.run(main())
