import asyncio


async def make_toast():
    await asyncio.sleep(1)
    print("toast is ready")


async def main():
    print("making breakfast")
    await make_toast()
    print("breakfast served")


asyncio.run(main())
