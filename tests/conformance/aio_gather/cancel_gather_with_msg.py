import asyncio

async def child():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("child sees args", e.args)
        raise

async def main():
    g = asyncio.gather(child(), child())
    await asyncio.sleep(0)
    g.cancel("stop now")
    try:
        await g
    except asyncio.CancelledError as e:
        print("outer sees args", e.args)
    print("cancelled", g.cancelled())

asyncio.run(main())
