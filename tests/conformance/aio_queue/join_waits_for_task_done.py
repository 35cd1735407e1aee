import asyncio

async def lazy_worker(q):
    item = await q.get()
    print("got", item, "but not done yet")
    await asyncio.sleep(0.1)
    print("calling task_done")
    q.task_done()

async def joiner(q, name):
    await q.join()
    print(name, "join finished")

async def main():
    q = asyncio.Queue()
    await q.put("job")
    tasks = [asyncio.create_task(joiner(q, "j1")), asyncio.create_task(lazy_worker(q)),
             asyncio.create_task(joiner(q, "j2"))]
    await asyncio.sleep(0.05)
    print("queue empty but unfinished:", q.empty())
    await asyncio.gather(*tasks)

asyncio.run(main())
