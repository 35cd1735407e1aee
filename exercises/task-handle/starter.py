import asyncio


async def download():
    await asyncio.sleep(1.5)
    return "42 MB"


async def main():
    # TODO: start download() as a task named "download" and ask it about itself
    print("download done? ???")
    size = await download()
    print("download done? ???")
    print("result:", size)


asyncio.run(main())
