# aiter() and anext(), with and without a default, on an async generator
# and on a class with __aiter__/__anext__; the TypeErrors for the rest.
import asyncio

async def ticks(n):
    for i in range(n):
        await asyncio.sleep(0.1)
        yield i

class Countdown:
    def __init__(self, n): self.n = n
    def __aiter__(self): return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n

async def main():
    g = ticks(2)
    print(await anext(g), await anext(g))
    print(await anext(g, "done"))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    it = aiter(Countdown(2))
    print(await anext(it), await anext(it), await anext(it, None))
    print(aiter(g) is g)
    for bad in (1, [1]):
        for f in (aiter, anext):
            try:
                f(bad)
            except TypeError as e:
                print("TypeError:", e)
    class NotIter:
        def __aiter__(self): return 5
    try:
        aiter(NotIter())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
