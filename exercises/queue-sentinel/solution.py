import asyncio


async def scanner(q):
    for code in ["A1", "B2", "C3", "D4"]:
        await asyncio.sleep(0.1)
        print("scanner: read", code)
        await q.put(code)
    await q.put(None)


async def printer(q):
    while True:
        code = await q.get()
        if code is None:
            break
        await asyncio.sleep(0.3)
        print("printer: label for", code)
    print("printer: all labels printed")


async def main():
    q = asyncio.Queue()
    job = asyncio.create_task(printer(q), name="printer")
    await scanner(q)
    await job


asyncio.run(main())
