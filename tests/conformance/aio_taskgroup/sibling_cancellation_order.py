import asyncio

events = []

async def worker(name, delay):
    try:
        events.append(name + " started")
        await asyncio.sleep(delay)
        events.append(name + " finished")
    except asyncio.CancelledError:
        events.append(name + " cancelled")
        raise

async def failer():
    await asyncio.sleep(0.1)
    events.append("failer raising")
    raise ValueError("failer broke")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("w1", 0.05))
            tg.create_task(worker("w2", 1))
            tg.create_task(failer())
            tg.create_task(worker("w3", 1))
    except* ValueError as eg:
        events.append("except* ran")
        print("caught", repr(eg))
    # the group cancels siblings by iterating a set, so only the phases are ordered
    print(events[:5])
    print(sorted(events[5:7]))
    print(events[7:])

asyncio.run(main())
