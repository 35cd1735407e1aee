import asyncio


async def fetch(page):
    await asyncio.sleep(1)
    return f"<{page}>"


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    pages = await asyncio.gather(fetch("home"), fetch("about"), fetch("blog"))
    print(pages)
    print(f"took {loop.time() - start:.1f} s")


asyncio.run(main())
