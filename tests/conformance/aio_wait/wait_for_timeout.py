import asyncio

async def slow():
    try:
        print("slow started")
        await asyncio.sleep(1)
        return "finished"
    except asyncio.CancelledError:
        print("slow was cancelled by wait_for")
        raise

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        await asyncio.wait_for(slow(), timeout=0.1)
    except TimeoutError as e:
        print("TimeoutError", type(e) is asyncio.TimeoutError, repr(e))
    print("elapsed", round(loop.time() - start, 1))
    t = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(t, 0)
    except TimeoutError:
        print("timeout 0: task cancelled?", t.cancelled())

asyncio.run(main())
