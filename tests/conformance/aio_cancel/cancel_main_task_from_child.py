import asyncio

async def killer(target):
    await asyncio.sleep(0.01)
    print("killer cancels main")
    target.cancel()

async def main():
    asyncio.create_task(killer(asyncio.current_task()))
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("main cancelled; re-raising")
        raise

try:
    asyncio.run(main())
except asyncio.CancelledError:
    print("asyncio.run raised CancelledError")
