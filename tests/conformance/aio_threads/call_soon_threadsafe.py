import asyncio
import threading
import time

def worker(loop, fut):
    time.sleep(0.05)
    loop.call_soon_threadsafe(print, "callback scheduled from thread runs on loop")
    loop.call_soon_threadsafe(fut.set_result, "value from thread")

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    th = threading.Thread(target=worker, args=(loop, fut))
    th.start()
    print("waiting for thread")
    print("got", await fut)
    th.join()
    print("thread alive:", th.is_alive())

asyncio.run(main())
