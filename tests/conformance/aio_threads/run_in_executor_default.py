import asyncio
import threading
import time

def where(delay):
    time.sleep(delay)
    return threading.current_thread() is threading.main_thread()

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.run_in_executor(None, where, 0.05)
    print("returns a future:", asyncio.isfuture(fut), "done", fut.done())
    await asyncio.sleep(0.01)
    print("loop ran while thread sleeps; fut done", fut.done())
    print("ran on main thread?", await fut)
    print("coroutine on main thread?", threading.current_thread() is threading.main_thread())

asyncio.run(main())
