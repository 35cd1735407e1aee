import asyncio


async def backup():
    n = 0
    try:
        while True:
            await asyncio.sleep(1)
            n += 1
            print(f"backup: copied file {n}")
    except asyncio.CancelledError:
        print("backup: ignoring cancel")


async def main():
    task = asyncio.create_task(backup(), name="backup")
    await asyncio.sleep(2.5)
    task.cancel()
    await task
    print("main: backup finished")


asyncio.run(main())
