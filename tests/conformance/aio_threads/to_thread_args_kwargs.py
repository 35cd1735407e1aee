import asyncio
import time

def compute(a, b, *, scale=1, pause=0.01):
    time.sleep(pause)
    return (a + b) * scale

async def main():
    print(await asyncio.to_thread(compute, 2, 3))
    print(await asyncio.to_thread(compute, 2, 3, scale=10))
    print(await asyncio.to_thread(sorted, [3, 1, 2], reverse=True))
    print(await asyncio.to_thread(lambda: "lambda in thread"))

asyncio.run(main())
