import asyncio


async def run(name, seconds):
    await asyncio.sleep(seconds)
    print("finished:", name)
    return seconds


async def main():
    times = await asyncio.gather(run("ann", 3), run("bob", 1), run("cy", 2))
    print("times:", times)


asyncio.run(main())
