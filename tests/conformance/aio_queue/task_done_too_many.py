import asyncio

async def main():
    q = asyncio.Queue()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    q.put_nowait("x")
    q.get_nowait()
    q.task_done()
    print("one task_done ok")
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    await q.join()
    print("join on finished queue returns at once")

asyncio.run(main())
