import asyncio

async def quitter():
    await asyncio.sleep(0)
    raise KeyboardInterrupt("stop")

async def sleeper():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("sleeper cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper())
            tg.create_task(quitter())
    except KeyboardInterrupt as e:
        print("KeyboardInterrupt propagates bare:", repr(e))
    except BaseExceptionGroup as eg:
        print("group", repr(eg))

try:
    asyncio.run(main())
except KeyboardInterrupt as e:
    print("escaped asyncio.run:", repr(e))
