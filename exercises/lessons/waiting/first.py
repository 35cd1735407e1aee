import asyncio


async def lookup(server, seconds):
    await asyncio.sleep(seconds)
    return f"{server} answered"


async def main():
    tasks = [
        asyncio.create_task(lookup("east", 3), name="east"),
        asyncio.create_task(lookup("west", 1), name="west"),
        asyncio.create_task(lookup("north", 2), name="north"),
    ]
    done, pending = await asyncio.wait(tasks, timeout=1.5)
    print("after 1.5 s done:", sorted(t.get_name() for t in done))
    print("still pending:", sorted(t.get_name() for t in pending))

    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("next to finish:", [t.result() for t in done])
    for t in pending:
        t.cancel()
    print("cancelled:", [t.get_name() for t in pending])


asyncio.run(main())
