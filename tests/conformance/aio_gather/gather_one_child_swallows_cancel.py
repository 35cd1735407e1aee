import asyncio

async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn ignores cancellation")
    return "stubborn result"

async def normal():
    await asyncio.sleep(1)
    return "normal result"

async def main():
    g = asyncio.gather(stubborn(), normal(), return_exceptions=True)
    await asyncio.sleep(0)
    g.cancel()
    try:
        print("gather result:", await g)
    except asyncio.CancelledError:
        print("gather still cancelled:", g.cancelled())

asyncio.run(main())
