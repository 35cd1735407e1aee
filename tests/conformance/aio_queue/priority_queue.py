import asyncio

async def main():
    q = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "high"), (2, "mid"), (1, "also high"), (0, "urgent")]:
        await q.put(item)
    print("qsize", q.qsize())
    while not q.empty():
        prio, name = await q.get()
        print(prio, name)
    q.put_nowait(5)
    q.put_nowait(-1)
    q.put_nowait(2)
    print([q.get_nowait() for _ in range(3)])

asyncio.run(main())
