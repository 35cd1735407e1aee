import asyncio


async def fetch(server, seconds):
    await asyncio.sleep(seconds)
    return f"file from {server}"


async def main():
    try:
        page = await asyncio.wait_for(fetch("mirror", 5), timeout=1)
    except TimeoutError:
        print("mirror too slow, using the backup")
        page = await fetch("backup", 0.5)
    print(page)


asyncio.run(main())
