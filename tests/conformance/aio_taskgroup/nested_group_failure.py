import asyncio

async def boom():
    await asyncio.sleep(0.01)
    raise OSError("inner boom")

async def sleeper(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom())
        tg.create_task(sleeper("inner sibling"))

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(inner_group())
            tg.create_task(sleeper("outer sibling"))
    except* OSError as eg:
        print("outer caught:", repr(eg))
        print("nested:", repr(eg.exceptions[0]))

asyncio.run(main())
