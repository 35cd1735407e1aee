import asyncio

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.sleep(0.1)
    print("after 0.1:", round(loop.time() - start, 1))
    await asyncio.gather(asyncio.sleep(0.1), asyncio.sleep(0.2))
    print("after gather(0.1, 0.2):", round(loop.time() - start, 1))
    h = loop.call_later(0.1, print, "timer fired")
    print("handle when - now:", round(h.when() - loop.time(), 1))
    await asyncio.sleep(0.15)
    print("total:", round(loop.time() - start, 1))

asyncio.run(main())
