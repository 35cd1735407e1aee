import asyncio

async def child(name):
    try:
        print(name, "sleeping")
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(name, "got CancelledError")
        raise

async def main():
    a = asyncio.create_task(child("a"))
    b = asyncio.create_task(child("b"))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.01)
    print("cancel gather ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled:", g.cancelled())
    print("a cancelled", a.cancelled(), "b cancelled", b.cancelled())

asyncio.run(main())
