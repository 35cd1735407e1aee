import asyncio

async def getter(name, q):
    print(name, "waiting")
    item = await q.get()
    print(name, "got", item)

async def main():
    q = asyncio.Queue()
    tasks = [asyncio.create_task(getter(n, q)) for n in ("first", "second", "third")]
    await asyncio.sleep(0)
    for item in ("A", "B", "C"):
        print("putting", item)
        q.put_nowait(item)
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)

asyncio.run(main())
