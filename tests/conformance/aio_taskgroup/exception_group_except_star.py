import asyncio

async def raise_after(delay, exc):
    await asyncio.sleep(0)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raise_after(0.01, KeyError("k")))
            tg.create_task(raise_after(0.01, TypeError("t")))
            tg.create_task(raise_after(0.01, KeyError("k2")))
    except* KeyError as eg:
        print("KeyErrors:", [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [repr(e) for e in eg.exceptions])
    print("after try")

asyncio.run(main())
