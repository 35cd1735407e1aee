import asyncio


async def chef(q):
    for dish in ["pasta", "salad", "cake"]:
        await asyncio.sleep(0.5)
        print("chef: cooked", dish)
        await q.put(dish)
    await q.put(None)  # the sentinel: no more dishes


async def waiter(q):
    while True:
        dish = await q.get()
        if dish is None:
            break
        print("waiter: served", dish)
    print("waiter: going home")


async def main():
    q = asyncio.Queue()
    await asyncio.gather(chef(q), waiter(q))


asyncio.run(main())
