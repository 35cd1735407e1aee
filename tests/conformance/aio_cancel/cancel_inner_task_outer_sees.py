import asyncio

async def inner():
    await asyncio.sleep(1)

async def outer(child):
    try:
        await child
    except asyncio.CancelledError:
        print("outer got CancelledError from child; outer cancelling =",
              asyncio.current_task().cancelling())
        return "outer handled it"

async def main():
    child = asyncio.create_task(inner())
    parent = asyncio.create_task(outer(child))
    await asyncio.sleep(0.01)
    child.cancel()
    print("parent result:", await parent)
    print("child cancelled", child.cancelled(), "parent cancelled", parent.cancelled())

asyncio.run(main())
