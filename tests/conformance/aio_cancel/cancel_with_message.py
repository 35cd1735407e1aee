import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside: args", e.args)
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside: args", e.args)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception(): args", e.args)
    t2 = asyncio.create_task(worker())
    t2.cancel(msg="before start")
    try:
        await t2
    except asyncio.CancelledError as e:
        print("before start: args", e.args)

asyncio.run(main())
