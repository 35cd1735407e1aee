import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    finally:
        print("cleanup starts")
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("cleanup interrupted by second cancel")
            raise
        print("not reached")

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("task in cleanup, done:", t.done())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("finally cancelled", t.cancelled())

asyncio.run(main())
