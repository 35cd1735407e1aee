import asyncio

async def work():
    await asyncio.sleep(0.1)
    print("work completed despite timeout")
    return 42

async def main():
    task = asyncio.create_task(work())
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=0.02)
    except TimeoutError:
        print("timed out waiting; task cancelled?", task.cancelled())
    print("result later:", await task)
    done = asyncio.get_running_loop().create_future()
    done.set_result("x")
    print("shield of done future:", await asyncio.shield(done))

asyncio.run(main())
