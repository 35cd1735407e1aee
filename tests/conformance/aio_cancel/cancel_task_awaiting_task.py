import asyncio

async def inner():
    try:
        print("inner waiting")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner cancelled too")
        raise

async def outer(child):
    try:
        await child
    except asyncio.CancelledError:
        print("outer cancelled")
        raise

async def main():
    child = asyncio.create_task(inner())
    parent = asyncio.create_task(outer(child))
    await asyncio.sleep(0.01)
    parent.cancel()
    await asyncio.gather(parent, return_exceptions=True)
    await asyncio.sleep(0)
    print("parent cancelled", parent.cancelled(), "child cancelled", child.cancelled())

asyncio.run(main())
