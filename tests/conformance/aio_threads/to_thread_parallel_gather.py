import asyncio
import time

def slow(n):
    time.sleep(0.1)
    return n * n

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(*(asyncio.to_thread(slow, n) for n in range(4)))
    print(results)
    elapsed = loop.time() - start
    print("ran in parallel:", 0.09 < elapsed < 0.35)

asyncio.run(main())
