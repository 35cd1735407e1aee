import asyncio

async def real():
    return 1

async def main():
    for bad in (42, "text", None):
        try:
            asyncio.create_task(bad)
        except TypeError as e:
            print("create_task:", e)
    try:
        asyncio.create_task(real)
    except TypeError as e:
        print("create_task(function) mentions the function:", "got <function real at" in str(e))
    print("real one:", await asyncio.create_task(real()))

for bad in (5, [1], real):
    try:
        asyncio.run(bad)
    except ValueError as e:
        print("asyncio.run:", str(e).split(" at 0x")[0])
asyncio.run(main())
