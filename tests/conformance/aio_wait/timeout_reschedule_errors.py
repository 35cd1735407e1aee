import asyncio

async def main():
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(2)
    except RuntimeError as e:
        print("reschedule before enter:", e)
    async with cm:
        await asyncio.sleep(0)
    try:
        cm.reschedule(3)
    except RuntimeError as e:
        print("reschedule after exit:", e)
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print("re-enter:", e)

asyncio.run(main())
