import asyncio

async def boom():
    await asyncio.sleep(0)
    raise RuntimeError("kaboom")

async def main():
    t = asyncio.create_task(boom())
    await asyncio.sleep(0.01)
    print("done", t.done(), "cancelled", t.cancelled())
    exc = t.exception()
    print("exception():", type(exc).__name__, exc.args)
    try:
        t.result()
    except RuntimeError as e:
        print("result() re-raises:", e, e is exc)
    try:
        await t
    except RuntimeError as e:
        print("await re-raises:", e, e is exc)

asyncio.run(main())
