# In debug mode the exception handler's context carries the frames where
# the failing Handle or Task was created ("source_traceback").
import asyncio


def handler(loop, ctx):
    print("handler:", ctx["message"].replace(__file__, "FILE"))
    print("  keys:", sorted(ctx))
    tb = ctx.get("source_traceback")
    if tb is not None:
        print("  created at:", [(f.name, f.lineno) for f in tb if f.filename == __file__])


async def boom():
    raise ValueError("boom")


def bad(x):
    1 / 0


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad, 7)
    await asyncio.sleep(0)
    t = loop.create_task(boom())
    await asyncio.sleep(0)
    print("dropping the task")
    del t
    await asyncio.sleep(0)
    print("end of main")


asyncio.run(main(), debug=True)
asyncio.run(main())
