import asyncio

async def bad(n):
    await asyncio.sleep(0)
    raise ArithmeticError(n)

async def good(n):
    await asyncio.sleep(0)
    return n

async def main():
    inner = asyncio.gather(good(1), bad(2), return_exceptions=True)
    strict = asyncio.gather(good(3), bad(4))
    res = await asyncio.gather(inner, strict, return_exceptions=True)
    print("inner:", res[0])
    print("strict:", repr(res[1]))

asyncio.run(main())
