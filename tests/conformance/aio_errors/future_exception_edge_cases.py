import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_exception(StopIteration("nope"))
    exc = f.exception()
    print("StopIteration is replaced:", type(exc).__name__, "-", exc)
    print("cause:", repr(exc.__cause__))
    g = loop.create_future()
    g.set_exception(KeyError)
    print("class is instantiated:", repr(g.exception()))
    h = loop.create_future()
    h.set_result(None)
    print("exception() on success:", h.exception())
    try:
        await f
    except RuntimeError as e:
        print("await raises", type(e).__name__)

asyncio.run(main())
