import asyncio

async def coro():
    return "coro result"

class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "custom awaitable"

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(coro())
    print(type(t).__name__, t.get_name(), await t)
    f = loop.create_future()
    print("future passes through:", asyncio.ensure_future(f) is f)
    f.set_result(1)
    w = asyncio.ensure_future(Awaitable())
    print(type(w).__name__, await w)
    print("isfuture", asyncio.isfuture(f), asyncio.isfuture(coro))
    c = coro()
    print("iscoroutine", asyncio.iscoroutine(c), asyncio.iscoroutinefunction(coro))
    print(await c)

asyncio.run(main())
