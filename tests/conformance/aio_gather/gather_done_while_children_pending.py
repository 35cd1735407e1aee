import asyncio

async def slow():
    await asyncio.sleep(0.15)
    print("slow finished")
    return "slow"

async def bad():
    await asyncio.sleep(0.05)
    raise KeyError("bad")

async def main():
    s = asyncio.create_task(slow())
    g = asyncio.gather(s, bad())
    try:
        await g
    except KeyError as e:
        print("caught", repr(e))
    print("gather done", g.done(), "exception", repr(g.exception()))
    print("slow still pending:", not s.done())
    print("await slow:", await s)

asyncio.run(main())
