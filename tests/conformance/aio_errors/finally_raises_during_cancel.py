import asyncio

async def messy():
    try:
        await asyncio.sleep(1)
    finally:
        raise ValueError("raised in finally")

async def main():
    t = asyncio.create_task(messy())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except ValueError as e:
        print("ValueError replaced the cancellation:", e)
        print("context:", type(e.__context__).__name__)
    print("cancelled()", t.cancelled(), "exception()", repr(t.exception()))

asyncio.run(main())
