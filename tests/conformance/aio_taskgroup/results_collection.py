import asyncio

async def square(n):
    await asyncio.sleep((5 - n) * 0.01)
    print("square", n)
    return n * n

async def main():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(n)) for n in range(5)]
    print([t.result() for t in tasks])

asyncio.run(main())
