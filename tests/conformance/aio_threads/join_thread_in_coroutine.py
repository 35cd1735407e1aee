# Thread.join() inside a coroutine blocks the event loop until the
# thread ends: the other task's ticks stop while it waits.
import asyncio
import threading
import time

start = time.monotonic()

def work(name, secs):
    time.sleep(secs)
    print(f"[{round(time.monotonic() - start)} s] {name} finished")

async def ticker():
    for i in range(4):
        print(f"[{round(time.monotonic() - start)} s] tick {i}")
        await asyncio.sleep(0.2)

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    threads = [threading.Thread(target=work, args=(f"t{i}", 0.3 * (i + 1))) for i in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    print(f"[{round(time.monotonic() - start)} s] joined both, alive: {[th.is_alive() for th in threads]}")
    await t

asyncio.run(main())
