import asyncio

async def blocked_getter(q):
    try:
        await q.get()
    except asyncio.QueueShutDown:
        print("getter woken by shutdown")

async def blocked_putter(q):
    try:
        await q.put("extra")
    except asyncio.QueueShutDown:
        print("putter woken by shutdown")

async def main():
    empty_q = asyncio.Queue()
    full_q = asyncio.Queue(maxsize=1)
    full_q.put_nowait("x")
    tasks = [asyncio.create_task(blocked_getter(empty_q)), asyncio.create_task(blocked_putter(full_q))]
    await asyncio.sleep(0)
    print("shutting down both")
    empty_q.shutdown()
    full_q.shutdown()
    await asyncio.gather(*tasks)
    print("full_q still holds", full_q.get_nowait())

asyncio.run(main())
