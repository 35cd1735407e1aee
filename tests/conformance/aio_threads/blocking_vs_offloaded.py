import asyncio
import time

async def ticker(ticks):
    while True:
        await asyncio.sleep(0.02)
        ticks.append(1)

async def run_with(label, use_thread):
    ticks = []
    t = asyncio.create_task(ticker(ticks))
    await asyncio.sleep(0)
    if use_thread:
        await asyncio.to_thread(time.sleep, 0.2)
    else:
        time.sleep(0.2)
    t.cancel()
    print(label, "ticks during the 0.2 s call:", "many" if len(ticks) >= 4 else len(ticks))

async def main():
    await run_with("blocking time.sleep:", False)
    await run_with("asyncio.to_thread:", True)

asyncio.run(main())
