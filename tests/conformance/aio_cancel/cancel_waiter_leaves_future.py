import asyncio

async def waiter(fut):
    return await fut

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("task cancelled", t.cancelled())
    print("future awaited by task is cancelled too:", fut.cancelled())

asyncio.run(main())
