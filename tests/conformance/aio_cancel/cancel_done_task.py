import asyncio

async def quick():
    return "fast"

async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("done", t.done())
    print("cancel finished task ->", t.cancel())
    print("cancelled()", t.cancelled(), "result", t.result(), "cancelling", t.cancelling())

asyncio.run(main())
