import asyncio


async def step(name, seconds):
    await asyncio.sleep(seconds)
    print("finished", name)


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(2):
            await step("download", 0.8)
            await step("unpack", 0.8)
            await step("install", 0.8)
    except TimeoutError:
        print(f"gave up at {loop.time() - start:.1f} s")


asyncio.run(main())
