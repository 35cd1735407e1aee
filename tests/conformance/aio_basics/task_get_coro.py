import asyncio

async def job(n):
    await asyncio.sleep(0)
    return n * 2

async def main():
    c = job(4)
    t = asyncio.create_task(c)
    print("get_coro is the coroutine:", t.get_coro() is c)
    print("coro name", t.get_coro().__name__, t.get_coro().__qualname__)
    print("result", await t)
    print("still same coro after done:", t.get_coro() is c)
    print("coro frame after done:", t.get_coro().cr_frame)

asyncio.run(main())
