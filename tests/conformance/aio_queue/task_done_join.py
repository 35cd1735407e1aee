import asyncio

async def worker(q):
    while True:
        item = await q.get()
        await asyncio.sleep(0.01)
        print("processed", item)
        q.task_done()

async def main():
    q = asyncio.Queue()
    for i in range(4):
        q.put_nowait(i)
    w = asyncio.create_task(worker(q))
    print("joining")
    await q.join()
    print("join returned; queue empty:", q.empty())
    w.cancel()
    await asyncio.gather(w, return_exceptions=True)
    print("worker cancelled:", w.cancelled())

asyncio.run(main())
