import asyncio

async def ok():
    return 1

async def main():
    for bad in (42, "text", None, [ok]):
        try:
            await asyncio.gather(bad)
        except TypeError as e:
            print(type(bad).__name__, "->", e)
    print(await asyncio.gather(ok()))

asyncio.run(main())
