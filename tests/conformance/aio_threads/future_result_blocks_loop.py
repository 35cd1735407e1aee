# concurrent.futures: Future.result() and Event.wait(timeout) called from a
# coroutine block the loop; a timeout that expires returns/raises as usual.
import asyncio
import concurrent.futures
import threading
import time

start = time.monotonic()

def now():
    return f"[{round(time.monotonic() - start)} s]"

def slow_square(x):
    time.sleep(0.6)
    return x * x

async def heartbeat():
    for i in range(3):
        print(now(), "beat", i)
        await asyncio.sleep(0.3)

async def main():
    hb = asyncio.create_task(heartbeat())
    await asyncio.sleep(0)
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        fut = pool.submit(slow_square, 7)
        value = fut.result()
        print(now(), "result", value)
        fut2 = pool.submit(slow_square, 3)
        try:
            fut2.result(timeout=0.1)
        except TimeoutError:
            print(now(), "timed out waiting")
        value = fut2.result()
        print(now(), "then", value)
    never = threading.Event()
    flag = never.wait(0.2)
    print(now(), "event set?", flag)
    await hb

asyncio.run(main())
