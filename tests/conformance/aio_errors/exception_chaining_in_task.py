import asyncio

async def load():
    await asyncio.sleep(0)
    try:
        {}["missing"]
    except KeyError as e:
        raise LookupError("load failed") from e

async def main():
    t = asyncio.create_task(load())
    try:
        await t
    except LookupError as e:
        print("caught", repr(e))
        print("cause", repr(e.__cause__))
        print("same object as task.exception():", e is t.exception())

asyncio.run(main())
