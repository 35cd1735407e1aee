import asyncio


async def fetch(url):
    await asyncio.sleep(1)  # a slow server
    return f"page from {url}"


async def main():
    urls = ["a.example", "b.example", "c.example"]
    for url in urls:
        page = await fetch(url)
        print(page)


asyncio.run(main())
