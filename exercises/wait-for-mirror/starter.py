import asyncio


async def fetch(server, seconds):
    await asyncio.sleep(seconds)
    return f"file from {server}"


async def main():
    page = await fetch("mirror", 5)
    print(page)


asyncio.run(main())
