import asyncio

async def slow_fail():
    await asyncio.sleep(0.02)
    raise RuntimeError("late failure")

async def patient():
    try:
        await asyncio.sleep(1)
    finally:
        print("patient cleanup")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow_fail())
            tg.create_task(patient())
            print("body finished, now waiting in __aexit__")
    except* RuntimeError as eg:
        print("caught", [str(e) for e in eg.exceptions])
    print("main continues")

asyncio.run(main())
