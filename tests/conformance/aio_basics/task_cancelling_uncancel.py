import asyncio

async def sleeper():
    t = asyncio.current_task()
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("caught; cancelling() =", t.cancelling())
        print("uncancel() ->", t.uncancel())
        print("now cancelling() =", t.cancelling())
    return "survived"

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    print("before cancel", t.cancelling())
    t.cancel()
    print("after one cancel", t.cancelling())
    t.cancel()
    print("after two cancels", t.cancelling())
    print("result", await t, "cancelled()", t.cancelled())

asyncio.run(main())
