# The default handler prints a task that failed during shutdown with its
# traceback, and counts its exception as retrieved (no second report).
import asyncio

async def stubborn():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("stubborn: cleaning up")
        raise ValueError("cleanup failed")

async def main():
    asyncio.create_task(stubborn(), name="stubborn")
    await asyncio.sleep(0.1)

asyncio.run(main())
print("end")
