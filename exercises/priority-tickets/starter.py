import asyncio

TICKETS = [(3, "typo on the about page"), (2, "refund request"), (1, "site is down"), (3, "font too small")]


async def agent(q):
    while not q.empty():
        text = await q.get()
        await asyncio.sleep(0.5)
        print(f"handling: {text}")


async def main():
    q = asyncio.Queue()
    for priority, text in TICKETS:
        await q.put(text)
    await agent(q)


asyncio.run(main())
