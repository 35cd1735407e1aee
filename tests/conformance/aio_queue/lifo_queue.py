import asyncio

async def main():
    q = asyncio.LifoQueue(maxsize=3)
    for x in "abc":
        await q.put(x)
    print("full", q.full())
    try:
        q.put_nowait("d")
    except asyncio.QueueFull:
        print("QueueFull")
    print([await q.get() for _ in range(3)])
    q.put_nowait(1)
    q.put_nowait(2)
    print(q.get_nowait())
    q.put_nowait(3)
    print(q.get_nowait(), q.get_nowait())

asyncio.run(main())
