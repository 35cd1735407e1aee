import asyncio


async def fetch(page):
    await asyncio.sleep(1)   # pretend this is a network request
    return f"<{page}>"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    for page in ["home", "about", "blog"]:
        print(await fetch(page))
    print(f"took {loop.time() - start:.1f} s")


asyncio.run(main())
