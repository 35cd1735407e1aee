import asyncio

async def waiter(fut, name):
    try:
        print(name, "waiting on future")
        v = await fut
        print(name, "got", v)
    except asyncio.CancelledError:
        print(name, "cancelled because future was cancelled")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [asyncio.create_task(waiter(fut, n)) for n in "ab"]
    await asyncio.sleep(0)
    fut.cancel("fut gone")
    await asyncio.gather(*tasks)
    print("future cancelled", fut.cancelled(), "tasks cancelled", [t.cancelled() for t in tasks])

asyncio.run(main())
