import asyncio

async def consumer(name, q, log):
    while True:
        item = await q.get()
        log.append(f"{name}:{item}")
        await asyncio.sleep(0.1 if name == "slow" else 0)
        q.task_done()

async def main():
    q = asyncio.Queue()
    log = []
    workers = [asyncio.create_task(consumer(n, q, log)) for n in ("slow", "fast")]
    for i in range(6):
        q.put_nowait(i)
    await q.join()
    print(log)
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)

asyncio.run(main())
