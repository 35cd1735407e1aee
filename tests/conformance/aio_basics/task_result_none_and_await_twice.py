import asyncio

async def side_effect(log):
    log.append("ran")
    await asyncio.sleep(0)

async def main():
    log = []
    t = asyncio.create_task(side_effect(log))
    print("first await", await t)
    print("second await", await t)
    print("log", log)
    print("result()", t.result(), "exception()", t.exception())

asyncio.run(main())
