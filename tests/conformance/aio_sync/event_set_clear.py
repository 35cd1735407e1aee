import asyncio

async def waiter(ev):
    await ev.wait()
    print("waiter woke even though event was cleared: is_set", ev.is_set())

async def main():
    ev = asyncio.Event()
    print("initial", ev.is_set())
    t = asyncio.create_task(waiter(ev))
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    print("set then clear immediately; is_set", ev.is_set())
    await t
    ev.set()
    ev.set()
    print("set twice:", ev.is_set())
    ev.clear()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except TimeoutError:
        print("cleared event blocks wait()")

asyncio.run(main())
