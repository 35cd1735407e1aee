# asyncio.Future() and asyncio.Task() called as classes, and a Future subclass
# with its own __init__ (it calls super().__init__() as CPython's expects).
import asyncio

class MyFuture(asyncio.Future):
    def __init__(self, tag, **kw):
        super().__init__(**kw)
        self.tag = tag

async def work():
    return 5

async def main():
    t = asyncio.Task(work())
    print(await t)
    g = asyncio.Future()
    print(g.done(), g)
    g.set_result(3)
    print(g.result(), g.done(), g)
    h = asyncio.Future(loop=asyncio.get_running_loop())
    h.set_exception(ValueError("v"))
    print(repr(h.exception()))
    m = MyFuture("m")
    asyncio.get_running_loop().call_later(0.1, m.set_result, "late")
    print(m.tag, await m, isinstance(m, asyncio.Future), asyncio.isfuture(m))
    try:
        asyncio.Future(1)
    except TypeError as e:
        print("TypeError", e)

asyncio.run(main())
