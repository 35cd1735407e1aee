import asyncio

async def main():
    g = asyncio.gather()
    print(type(g).__name__, "done immediately:", g.done())
    print("result", await g)
    print("with return_exceptions:", await asyncio.gather(return_exceptions=True))
    print("star of empty list:", await asyncio.gather(*[]))

asyncio.run(main())
