import asyncio

async def waiter(name, ev):
    print(name, "waiting; is_set", ev.is_set())
    r = await ev.wait()
    print(name, "woke; wait() returned", r)

async def main():
    ev = asyncio.Event()
    tasks = [asyncio.create_task(waiter(n, ev)) for n in ("w1", "w2", "w3")]
    await asyncio.sleep(0.01)
    print("setting event")
    ev.set()
    print("set; nobody ran yet")
    await asyncio.gather(*tasks)
    print("already set, wait returns at once:", await ev.wait())

asyncio.run(main())
