import asyncio
import time

def sleeper(name, delay):
    time.sleep(delay)
    return name

async def main():
    aws = [asyncio.to_thread(sleeper, "slow", 0.3),
           asyncio.to_thread(sleeper, "fast", 0.05),
           asyncio.to_thread(sleeper, "mid", 0.15)]
    for fut in asyncio.as_completed(aws):
        print("finished:", await fut)

asyncio.run(main())
