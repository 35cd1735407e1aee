import asyncio

async def compute(x):
    await asyncio.sleep(0.01)
    return x * 3

async def main():
    print("wait_for result:", await asyncio.wait_for(compute(4), timeout=1))
    print("timeout=None:", await asyncio.wait_for(compute(5), timeout=None))
    t = asyncio.create_task(compute(6))
    print("wait_for on a task:", await asyncio.wait_for(t, 1), t.done())
    print("runs in the same task:",
          await asyncio.wait_for(asyncio.sleep(0, asyncio.current_task().get_name()), 1))

asyncio.run(main())
