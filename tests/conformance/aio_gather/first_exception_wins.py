import asyncio

async def fail_after(delay, msg):
    await asyncio.sleep(delay)
    print("raising", msg)
    raise ValueError(msg)

async def main():
    tasks = [asyncio.create_task(fail_after(d, m))
             for d, m in [(0.15, "late"), (0.05, "early"), (0.1, "middle")]]
    try:
        await asyncio.gather(*tasks)
    except ValueError as e:
        print("gather raised:", e)
    await asyncio.sleep(0.2)
    for t in tasks:
        print("task exception:", t.exception())

asyncio.run(main())
