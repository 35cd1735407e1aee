import asyncio

times = []


async def run(name, seconds):
    await asyncio.sleep(seconds)
    print("finished:", name)
    times.append(seconds)


async def main():
    await asyncio.gather(run("ann", 3), run("bob", 1), run("cy", 2))
    print("times:", times)


asyncio.run(main())
