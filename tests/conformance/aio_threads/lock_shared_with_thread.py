# A threading.Lock shared by the main thread and a worker: whoever holds
# it makes the other wait, at top level and from a coroutine.
import asyncio
import threading
import time

start = time.monotonic()
lock = threading.Lock()

def log(*args):
    print(f"[{round(time.monotonic() - start)} s]", *args)

def holder(secs):
    with lock:
        log("worker holds the lock")
        time.sleep(secs)
        log("worker releases")

t = threading.Thread(target=holder, args=(0.4,))
t.start()
time.sleep(0.1)
with lock:
    log("main got the lock")
t.join()

async def main():
    t2 = threading.Thread(target=holder, args=(0.3,))
    t2.start()
    await asyncio.sleep(0.1)
    acquired = lock.acquire(timeout=0.1)
    log("coroutine acquired with timeout:", acquired)
    with lock:
        log("coroutine got the lock")
    t2.join()

asyncio.run(main())
