import asyncio

TICKETS = [(3, "typo on the about page"), (2, "refund request"), (1, "site is down"), (3, "font too small")]


async def agent(q):
    while not q.empty():
        priority, text = await q.get()
        await asyncio.sleep(0.5)
        print(f"handling P{priority}: {text}")


async def main():
    q = asyncio.PriorityQueue()
    for priority, text in TICKETS:
        await q.put((priority, text))
    await agent(q)


asyncio.run(main())
