import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("worker: returning instead of raising")
        return "partial"
    return "full"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    print("await:", await t)
    print("cancelled()", t.cancelled(), "cancelling", t.cancelling())

asyncio.run(main())
