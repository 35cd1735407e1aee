import asyncio


async def reader(name, q):
    while True:
        try:
            item = await q.get()
        except asyncio.QueueShutDown:
            print(f"{name}: queue closed")
            return
        print(f"{name}: {item}")
        await asyncio.sleep(0.1)


async def main():
    q = asyncio.Queue()
    readers = [asyncio.create_task(reader(n, q), name=f"reader-{n}") for n in "ab"]
    for item in ["one", "two", "three"]:
        await q.put(item)
    q.shutdown()
    done, pending = await asyncio.wait(readers, timeout=1)
    print("stuck:", sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()


asyncio.run(main())
