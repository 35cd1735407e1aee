import asyncio

async def looper(name, barrier):
    for rnd in range(2):
        idx = await barrier.wait()
        print(name, "round", rnd, "index", idx)

async def stuck(barrier):
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print("waiter got BrokenBarrierError")

async def main():
    b = asyncio.Barrier(2)
    await asyncio.gather(looper("p", b), looper("q", b))
    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(stuck(b2))
    await asyncio.sleep(0)
    await b2.abort()
    await t
    print("broken", b2.broken)
    await b2.reset()
    print("after reset broken", b2.broken)

asyncio.run(main())
