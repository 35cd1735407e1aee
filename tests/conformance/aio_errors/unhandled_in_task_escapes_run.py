import asyncio

async def worker():
    await asyncio.sleep(0)
    raise OSError("disk on fire")

async def main():
    t = asyncio.create_task(worker())
    print("main awaits the failing task")
    await t

asyncio.run(main())
