import asyncio

async def setter(ev):
    await asyncio.sleep(0.05)
    print("setter sets")
    ev.set()

async def main():
    ev = asyncio.Event()
    asyncio.create_task(setter(ev))
    try:
        await asyncio.wait_for(ev.wait(), timeout=0.01)
    except TimeoutError:
        print("first wait timed out")
    await asyncio.wait_for(ev.wait(), timeout=0.5)
    print("second wait succeeded; is_set", ev.is_set())

asyncio.run(main())
