import asyncio

async def failing():
    await asyncio.sleep(0.01)
    raise ValueError("first failure")

async def long_job(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled by hand")
        raise

async def main():
    tasks = [asyncio.create_task(long_job("L1")), asyncio.create_task(long_job("L2"))]
    try:
        await asyncio.gather(failing(), *tasks)
    except ValueError as e:
        print("gather:", e, "- siblings keep running:", [t.done() for t in tasks])
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    print("cancelled:", [t.cancelled() for t in tasks])

asyncio.run(main())
