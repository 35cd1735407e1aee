import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker cancelled because body raised")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker())
            await asyncio.sleep(0)
            raise ZeroDivisionError("in body")
    except* ZeroDivisionError as eg:
        print("group:", repr(eg))

asyncio.run(main())
