import asyncio


async def build(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    names = await asyncio.gather(build("sales", 3), build("stock", 1), build("staff", 2))
    for name in sorted(names, key=["stock", "staff", "sales"].index):
        print("ready:", name)
    print("all reports ready")


asyncio.run(main())
