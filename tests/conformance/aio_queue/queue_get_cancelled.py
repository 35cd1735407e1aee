import asyncio

async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("cancelled getter:", t.cancelled())
    q.put_nowait("item")
    t2 = asyncio.create_task(q.get())
    print("next getter gets it:", await t2, "qsize", q.qsize())
    try:
        print(await asyncio.wait_for(q.get(), 0.01))
    except TimeoutError:
        print("get timed out on empty queue")

asyncio.run(main())
