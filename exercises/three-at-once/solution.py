import asyncio


async def fetch(url):
    await asyncio.sleep(1)  # a slow server
    return f"page from {url}"


async def main():
    urls = ["a.example", "b.example", "c.example"]
    pages = await asyncio.gather(*(fetch(url) for url in urls))
    for page in pages:
        print(page)


asyncio.run(main())
