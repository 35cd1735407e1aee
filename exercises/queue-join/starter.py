import asyncio


async def packer(q):
    while True:
        order = await q.get()
        await asyncio.sleep(1)
        print("packed", order)
        q.task_done()


async def main():
    q = asyncio.Queue()
    for order in ["books", "lamp", "socks", "mug", "chair", "plant"]:
        q.put_nowait(order)
    packers = [asyncio.create_task(packer(q), name="packer-1")]
    await q.join()
    for p in packers:
        p.cancel()
    print("all orders packed")


asyncio.run(main())
