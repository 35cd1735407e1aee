import asyncio

STOP = object()

async def consumer(name, q, results):
    while True:
        item = await q.get()
        if item is STOP:
            print(name, "stopping")
            return
        results.append((name, item))
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue()
    results = []
    consumers = [asyncio.create_task(consumer(n, q, results)) for n in ("c1", "c2")]
    for i in range(5):
        await q.put(i)
    for _ in consumers:
        await q.put(STOP)
    await asyncio.gather(*consumers)
    print(results)

asyncio.run(main())
