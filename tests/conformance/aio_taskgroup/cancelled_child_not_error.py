import asyncio

async def victim():
    await asyncio.sleep(1)

async def ok():
    await asyncio.sleep(0.1)
    return "ok"

async def main():
    async with asyncio.TaskGroup() as tg:
        v = tg.create_task(victim())
        o = tg.create_task(ok())
        await asyncio.sleep(0.05)
        v.cancel()
    print("cancelled child is not an error:", v.cancelled(), o.result())

asyncio.run(main())
