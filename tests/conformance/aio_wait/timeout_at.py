import asyncio

async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.25
    try:
        async with asyncio.timeout_at(deadline) as cm:
            print("when equals deadline:", cm.when() == deadline)
            for i in range(10):
                await asyncio.sleep(0.1)
                print("tick", i)
    except TimeoutError:
        print("deadline hit; expired", cm.expired())
    past = loop.time() - 1
    try:
        async with asyncio.timeout_at(past):
            print("body runs even with a past deadline")
            await asyncio.sleep(0)
    except TimeoutError:
        print("past deadline -> TimeoutError at first await")

asyncio.run(main())
