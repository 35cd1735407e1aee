import asyncio

async def work():
    t = asyncio.current_task()
    print("inside, name is", t.get_name())
    await asyncio.sleep(0)
    print("inside, renamed to", t.get_name())

async def main():
    t = asyncio.create_task(work(), name="first")
    await asyncio.sleep(0)
    t.set_name("second")
    await t
    t.set_name(42)
    print("non-str name becomes", repr(t.get_name()))
    u = asyncio.create_task(work(), name=None)
    print("name=None gives", u.get_name())
    await u

asyncio.run(main())
