import asyncio

async def main():
    for name in ["CancelledError", "TimeoutError", "InvalidStateError", "QueueEmpty",
                 "QueueFull", "QueueShutDown", "BrokenBarrierError", "IncompleteReadError",
                 "LimitOverrunError", "SendfileNotAvailableError"]:
        cls = getattr(asyncio, name)
        print(name, "->", cls.__module__, [c.__name__ for c in cls.__mro__[1:-1]])
    print(asyncio.TimeoutError is TimeoutError)

asyncio.run(main())
