import asyncio

async def never_starts():
    print("this line never runs")
    return 1

async def main():
    t = asyncio.create_task(never_starts())
    print("cancel ->", t.cancel())
    print("done right after cancel?", t.done(), "cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("await raised CancelledError")
    print("cancelled", t.cancelled(), "done", t.done())
    print("cancel again ->", t.cancel())

asyncio.run(main())
