import asyncio
import time

def step_worker(n):
    time.sleep(n * 0.1)
    return f"thread {n}"

async def coro_worker(name, delay):
    await asyncio.sleep(delay)
    print("coroutine", name, "done at", delay)

async def main():
    th = asyncio.create_task(asyncio.to_thread(step_worker, 2))
    th.add_done_callback(lambda f: print("thread future done:", f.result()))
    await asyncio.gather(coro_worker("a", 0.05), coro_worker("b", 0.3), th)
    print("all finished")

asyncio.run(main())
