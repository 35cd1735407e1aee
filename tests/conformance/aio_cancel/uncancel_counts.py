import asyncio

async def main():
    me = asyncio.current_task()
    print("cancelling at start", me.cancelling())
    me.cancel()
    print("after cancel()", me.cancelling())
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("caught in main; cancelling", me.cancelling())
        print("uncancel ->", me.uncancel())
    print("uncancel at zero ->", me.uncancel())
    await asyncio.sleep(0)
    print("sleep works again; cancelling", me.cancelling())
    return "main survived"

print(asyncio.run(main()))
