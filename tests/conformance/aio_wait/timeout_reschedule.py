import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(None) as cm:
            print("initial when:", cm.when())
            cm.reschedule(loop.time() + 0.1)
            print("rescheduled in:", round(cm.when() - loop.time(), 1))
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out after", round(loop.time() - start, 1))
    async with asyncio.timeout(0.05) as cm:
        cm.reschedule(None)
        await asyncio.sleep(0.1)
        print("rescheduled to None: no timeout; when =", cm.when())

asyncio.run(main())
