import asyncio

async def job():
    return 1

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(job())
    c = job()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("coroutine closed so no warning:", c.cr_frame is None)
    tg2 = asyncio.TaskGroup()
    c2 = job()
    try:
        tg2.create_task(c2)
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
