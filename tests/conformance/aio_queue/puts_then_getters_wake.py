import asyncio

async def getter(name, q):
    item = await q.get()
    print(name, "got", item)

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(n, q)) for n in ("g1", "g2", "g3")]
    await asyncio.sleep(0)
    q.put_nowait(1)
    q.put_nowait(2)
    q.put_nowait(3)
    print("three items put without yielding; qsize", q.qsize())
    await asyncio.gather(*tasks)
    print("qsize after", q.qsize())

asyncio.run(main())
