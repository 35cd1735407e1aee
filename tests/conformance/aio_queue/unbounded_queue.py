import asyncio

async def main():
    q = asyncio.Queue()
    print("maxsize", q.maxsize, "full", q.full())
    for i in range(100):
        q.put_nowait(i)
    print("qsize", q.qsize(), "full", q.full())
    total = 0
    while not q.empty():
        total += await q.get()
    print("total", total)
    q0 = asyncio.Queue(maxsize=0)
    q0.put_nowait(1)
    print("maxsize=0 is unbounded:", q0.full())
    qn = asyncio.Queue(maxsize=-3)
    qn.put_nowait(1)
    print("negative maxsize unbounded:", qn.full())

asyncio.run(main())
