import asyncio

async def sleeper():
    print("sleeper: going to sleep")
    await asyncio.sleep(10)
    print("sleeper: never wakes normally")

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.1)
    print("main: cancelling")
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: task cancelled after", round(loop.time() - start, 1))
    print("cancelled()", t.cancelled())

asyncio.run(main())
