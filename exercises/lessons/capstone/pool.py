import asyncio

attempts = {}


async def fetch(item):
    attempts[item] = attempts.get(item, 0) + 1
    await asyncio.sleep(0.2)
    if item == "b" and attempts[item] == 1:
        raise ConnectionError("flaky")
    return item.upper()


async def worker(name, queue, limit):
    while True:
        item = await queue.get()
        try:
            for attempt in (1, 2):
                try:
                    async with limit:
                        result = await asyncio.wait_for(fetch(item), timeout=1)
                    print(f"{name}: {item} -> {result}")
                    break
                except ConnectionError:
                    print(f"{name}: {item} failed, attempt {attempt}")
        finally:
            queue.task_done()


async def main():
    queue = asyncio.Queue()
    for item in "abc":
        queue.put_nowait(item)
    limit = asyncio.Semaphore(1)
    workers = [asyncio.create_task(worker(f"w{i}", queue, limit)) for i in (1, 2)]
    await queue.join()
    for w in workers:
        w.cancel()
    print("all items handled")


asyncio.run(main())
