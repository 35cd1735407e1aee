import asyncio
import time

def blocking_io():
    time.sleep(0.25)
    return "io result"

async def ticker():
    for i in range(3):
        await asyncio.sleep(0.05)
        print("tick", i)

async def main():
    t = asyncio.create_task(ticker())
    print("offloading blocking call")
    result = await asyncio.to_thread(blocking_io)
    print("to_thread returned", result, "ticker done:", t.done())

asyncio.run(main())
