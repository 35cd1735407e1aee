import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("pending:", fut.done(), repr(fut))
    loop.call_soon(fut.set_result, "hello")
    loop.call_soon(print, "second call_soon runs")
    print("awaiting future")
    v = await fut
    print("got", v, repr(fut))
    f2 = loop.create_future()
    loop.call_soon(f2.set_exception, KeyError("missing"))
    try:
        await f2
    except KeyError as e:
        print("exception from future", repr(e))

asyncio.run(main())
