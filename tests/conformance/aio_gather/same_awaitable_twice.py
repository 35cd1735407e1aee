import asyncio

calls = 0

async def counted():
    global calls
    calls += 1
    await asyncio.sleep(0)
    return calls

async def main():
    c = counted()
    res = await asyncio.gather(c, c, c)
    print("same coroutine three times:", res, "calls", calls)
    t = asyncio.create_task(counted())
    print("same task twice:", await asyncio.gather(t, t), "calls", calls)
    print("fresh coroutines:", await asyncio.gather(counted(), counted()), "calls", calls)

asyncio.run(main())
