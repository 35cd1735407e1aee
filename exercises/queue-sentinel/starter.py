import asyncio


async def scanner(q):
    for code in ["A1", "B2", "C3", "D4"]:
        await asyncio.sleep(0.1)
        print("scanner: read", code)
        await q.put(code)


async def printer(q):
    while True:
        code = await q.get()
        await asyncio.sleep(0.3)
        print("printer: label for", code)


async def main():
    q = asyncio.Queue()
    asyncio.create_task(printer(q), name="printer")
    await scanner(q)


asyncio.run(main())
