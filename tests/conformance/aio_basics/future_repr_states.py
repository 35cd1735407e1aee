import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print(repr(f))
    f.set_result([1, "two"])
    print(repr(f))
    g = loop.create_future()
    g.set_exception(ValueError("v"))
    print(repr(g))
    g.exception()
    h = loop.create_future()
    print("cancel ->", h.cancel())
    print(repr(h), h.cancelled())
    print("cancel again ->", h.cancel())

asyncio.run(main())
