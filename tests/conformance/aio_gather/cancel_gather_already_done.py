import asyncio

async def fast(x):
    return x

async def main():
    g = asyncio.gather(fast(1), fast(2))
    print(await g)
    print("cancel after done ->", g.cancel(), "cancelled", g.cancelled())
    g2 = asyncio.gather(fast(3))
    print("cancel before running ->", g2.cancel())
    try:
        print(await g2)
    except asyncio.CancelledError:
        print("g2 cancelled", g2.cancelled())

asyncio.run(main())
