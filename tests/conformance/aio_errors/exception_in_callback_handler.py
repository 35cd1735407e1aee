import asyncio

def bad_callback():
    raise ZeroDivisionError("in callback")

def handler(loop, context):
    print("handler got keys:", sorted(context))
    print("exception:", repr(context["exception"]))

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad_callback)
    loop.call_soon(print, "next callback still runs")
    await asyncio.sleep(0.01)
    print("main continues")

asyncio.run(main())
