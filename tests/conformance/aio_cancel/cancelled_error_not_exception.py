import asyncio

async def worker():
    try:
        await asyncio.sleep(1)
    except Exception:
        print("except Exception does NOT catch it")
    return "unreachable"

async def main():
    print(asyncio.CancelledError.__mro__[1].__name__)
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except Exception:
        print("wrong")
    except BaseException as e:
        print("caught as BaseException:", type(e).__name__)

asyncio.run(main())
