import asyncio

async def ok():
    return 5

async def bad():
    raise ValueError("nope")

async def slow():
    await asyncio.sleep(1)

async def main():
    a = asyncio.create_task(ok())
    b = asyncio.create_task(bad(), name="bad-one")
    c = asyncio.create_task(slow())
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    for t in (a, b, c):
        # the coroutine's file name depends on how the script was started
        print(repr(t).replace(__file__, "FILE"))

asyncio.run(main())
