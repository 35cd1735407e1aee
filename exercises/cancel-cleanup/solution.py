import asyncio


async def backup():
    n = 0
    try:
        while True:
            await asyncio.sleep(1)
            n += 1
            print(f"backup: copied file {n}")
    finally:
        print("backup: closing files")


async def main():
    task = asyncio.create_task(backup(), name="backup")
    await asyncio.sleep(2.5)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: backup cancelled")


asyncio.run(main())
