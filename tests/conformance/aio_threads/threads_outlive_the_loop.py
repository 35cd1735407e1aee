# Threads are not tied to the event loop: one started at top level runs
# while the program sleeps, and one still sleeping when asyncio.run()
# returns finishes before the program exits.
import asyncio
import threading
import time

start = time.monotonic()

def log(*args):
    print(f"[{round(time.monotonic() - start)} s]", *args)

def background(name, secs):
    time.sleep(secs)
    log(name, "done")

log("main starts a thread, then sleeps")
threading.Thread(target=background, args=("early", 0.3)).start()
time.sleep(0.6)
log("main awake")

async def main():
    threading.Thread(target=background, args=("late", 1.0)).start()
    await asyncio.sleep(0.2)
    log("loop ends")

asyncio.run(main())
log("program ends")
