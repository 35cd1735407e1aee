import asyncio

async def double(x):
    await asyncio.sleep(0.01)
    return x * 2

def in_thread(loop):
    cf = asyncio.run_coroutine_threadsafe(double(21), loop)
    print("thread got concurrent future:", type(cf).__module__)
    return cf.result(timeout=2)

async def main():
    loop = asyncio.get_running_loop()
    print("thread result", await asyncio.to_thread(in_thread, loop))

asyncio.run(main())
