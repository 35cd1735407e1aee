import asyncio

async def work():
    await asyncio.sleep(0)
    return "value"

async def main():
    t = asyncio.create_task(work())
    for label in ["first", "second", "third"]:
        t.add_done_callback(lambda fut, label=label: print("callback", label, fut.result()))
    print("awaiting")
    await t
    print("after await (callbacks are scheduled with call_soon)")
    await asyncio.sleep(0)
    print("after sleep(0)")
    t.add_done_callback(lambda fut: print("late callback", fut.result()))
    print("added late callback")
    await asyncio.sleep(0)
    print("end")

asyncio.run(main())
