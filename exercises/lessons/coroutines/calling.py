import asyncio


async def brew(kind):
    print("brewing", kind)
    return f"a cup of {kind}"


coro = brew("tea")          # builds a coroutine; nothing is printed yet
print("made:", type(coro).__name__)
print(asyncio.run(coro))    # now it runs
