import asyncio
import time

def fails(x):
    time.sleep(0.01)
    raise ValueError(f"thread failed with {x}")

async def main():
    try:
        await asyncio.to_thread(fails, 7)
    except ValueError as e:
        print("caught in coroutine:", e)
    res = await asyncio.gather(asyncio.to_thread(fails, 1), asyncio.to_thread(int, "5"),
                               return_exceptions=True)
    print([repr(r) for r in res])

asyncio.run(main())
