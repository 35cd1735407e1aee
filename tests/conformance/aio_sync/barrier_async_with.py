import asyncio

async def worker(n, barrier):
    async with barrier as pos:
        print("worker", n, "position", pos)

async def main():
    b = asyncio.Barrier(3)
    await asyncio.gather(*(worker(n, b) for n in range(3)))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
