import asyncio

async def leaky():
    await asyncio.sleep(0)
    raise StopIteration("leak")

async def main():
    try:
        await leaky()
    except RuntimeError as e:
        print("RuntimeError:", e, "| cause:", repr(e.__cause__))
    t = asyncio.create_task(leaky())
    try:
        await t
    except RuntimeError as e:
        print("as task:", e)

asyncio.run(main())
