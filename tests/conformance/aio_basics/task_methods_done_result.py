import asyncio

async def compute():
    await asyncio.sleep(0.01)
    return 99

async def main():
    t = asyncio.create_task(compute())
    print("done?", t.done(), "cancelled?", t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("result() early:", type(e).__name__, e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("exception() early:", type(e).__name__, e)
    v = await t
    print("awaited", v)
    print("done?", t.done(), "result", t.result(), "exception", t.exception())
    print("await again", await t)

asyncio.run(main())
