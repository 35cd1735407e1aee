import asyncio

async def putter(name, q):
    print(name, "putting")
    await q.put(name)
    print(name, "put done")

async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("initial")
    tasks = [asyncio.create_task(putter(n, q)) for n in ("p1", "p2", "p3")]
    await asyncio.sleep(0)
    print("full", q.full())
    for _ in range(4):
        print("main got", await q.get())
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)

asyncio.run(main())
