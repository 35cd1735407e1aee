import asyncio

async def main():
    r = await asyncio.sleep(0, result="zero")
    print("sleep(0) gave", r)
    r = await asyncio.sleep(0.01, result=[1, 2])
    print("sleep(0.01) gave", r)
    r = await asyncio.sleep(0)
    print("default result", r)
    t = asyncio.create_task(asyncio.sleep(0.01, result="from task"))
    print("task result", await t)
    r = await asyncio.sleep(-1, result="negative ok")
    print(r)

asyncio.run(main())
