import asyncio

async def noop():
    return asyncio.current_task().get_name()

async def main():
    print("main is", asyncio.current_task().get_name())
    a = asyncio.create_task(noop())
    b = asyncio.create_task(noop(), name="custom")
    c = asyncio.create_task(noop())
    print(a.get_name(), b.get_name(), c.get_name())
    print(await asyncio.gather(noop(), noop()))
    d = asyncio.create_task(noop())
    print("after gather:", d.get_name())
    await asyncio.wait_for(noop(), 1)
    e = asyncio.create_task(noop())
    print("after wait_for:", e.get_name())
    await asyncio.gather(a, b, c, d, e)

asyncio.run(main())
