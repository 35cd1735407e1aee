import asyncio


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    print("kettle on")
    await asyncio.sleep(1)
    print(f"boiled after {loop.time() - start:.1f} s")


asyncio.run(main())
