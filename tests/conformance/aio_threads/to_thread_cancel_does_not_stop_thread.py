import asyncio
import time

log = []

def blocking():
    time.sleep(0.1)
    log.append("thread finished its work")
    return "ignored"

async def main():
    t = asyncio.create_task(asyncio.to_thread(blocking))
    await asyncio.sleep(0.02)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("awaiting task cancelled; log so far", log)
    await asyncio.sleep(0.25)
    print("later log", log)

asyncio.run(main())
