import asyncio

async def main():
    async with asyncio.timeout(0.02) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("inside the block it is a CancelledError")
            raise
    print("not reached")

async def outer():
    try:
        await main()
    except TimeoutError as e:
        print("outside it is", type(e).__name__, "cause", type(e.__cause__).__name__)
    print("current task cancelling:", asyncio.current_task().cancelling())

asyncio.run(outer())
