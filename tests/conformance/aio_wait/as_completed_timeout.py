import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    tasks = [asyncio.create_task(job("fast", 0.025)), asyncio.create_task(job("slow", 0.5))]
    try:
        for fut in asyncio.as_completed(tasks, timeout=0.125):
            print("got", await fut)
    except TimeoutError as e:
        print("TimeoutError raised", type(e).__name__, e.args)
    print("slow still running:", not tasks[1].done())
    tasks[1].cancel()
    await asyncio.sleep(0)
    print("slow cancelled:", tasks[1].cancelled())

asyncio.run(main())
