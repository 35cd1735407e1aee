import asyncio

async def name():
    t = asyncio.create_task(asyncio.sleep(0))
    await t
    return asyncio.current_task().get_name(), t.get_name()

with asyncio.Runner() as runner:
    print("first run", runner.run(name()))
    print("second run", runner.run(name()))
    loop = runner.get_loop()
    print("loop closed inside:", loop.is_closed())
print("loop closed after:", loop.is_closed())
print("asyncio.run", asyncio.run(name()))
