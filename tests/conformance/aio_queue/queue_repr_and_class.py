import asyncio

async def main():
    q = asyncio.Queue(maxsize=4)
    q.put_nowait(1)
    q.put_nowait("two")
    print(str(q))
    print(type(q).__name__, asyncio.QueueEmpty.__mro__[1].__name__, asyncio.QueueFull.__mro__[1].__name__)
    print(issubclass(asyncio.PriorityQueue, asyncio.Queue), issubclass(asyncio.LifoQueue, asyncio.Queue))
    print(asyncio.Queue[int])

asyncio.run(main())
