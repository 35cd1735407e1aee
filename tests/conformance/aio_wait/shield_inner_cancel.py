import asyncio

async def victim():
    await asyncio.sleep(1)

async def main():
    inner = asyncio.create_task(victim())
    shielded = asyncio.shield(inner)
    await asyncio.sleep(0)
    inner.cancel()
    try:
        await shielded
    except asyncio.CancelledError:
        print("cancelling the inner task cancels the shield too:", shielded.cancelled())

asyncio.run(main())
