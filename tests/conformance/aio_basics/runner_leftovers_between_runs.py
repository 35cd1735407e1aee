# A Runner's run() leaves the tasks it did not finish for the next run;
# close() cancels what is still pending, and a failure there is reported.
import asyncio

async def ticker(name, n, d):
    for i in range(n):
        await asyncio.sleep(d)
        print(name, i)
    return name

async def stubborn():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("stubborn: cleaning up")
        await asyncio.sleep(0.1)
        raise ValueError("cleanup failed")

async def first():
    global bg
    bg = asyncio.create_task(ticker("bg", 5, 0.3))
    asyncio.create_task(stubborn(), name="stubborn")
    await asyncio.sleep(0.5)
    print("first done")

async def second():
    await asyncio.sleep(0.7)
    print("second done; bg done?", bg.done())
    return await bg

with asyncio.Runner() as runner:
    runner.run(first())
    print("between runs; bg done?", bg.done())
    print("result", runner.run(second()))
    loop = runner.get_loop()
    print("tasks left", len(asyncio.all_tasks(loop)))
print("after close", loop.is_closed())
