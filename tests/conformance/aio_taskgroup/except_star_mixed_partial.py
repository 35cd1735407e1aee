import asyncio

async def raise_it(exc):
    await asyncio.sleep(0)
    raise exc

async def inner():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_it(ValueError("v")))
            tg.create_task(raise_it(OSError("o")))
    except* ValueError as eg:
        print("inner handled", [str(e) for e in eg.exceptions])

async def main():
    try:
        await inner()
    except* OSError as eg:
        print("outer got the rest:", repr(eg))

asyncio.run(main())
