import asyncio

async def ok(v):
    await asyncio.sleep(0.01)
    return v

async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)

async def main():
    res = await asyncio.gather(ok(1), fail("x"), ok(3), fail("y"), return_exceptions=True)
    for r in res:
        print(type(r).__name__, repr(r))
    print("exceptions:", [str(r) for r in res if isinstance(r, BaseException)])

asyncio.run(main())
