import asyncio


async def main():
    loop = asyncio.get_running_loop()
    print("debug mode:", loop.get_debug())


asyncio.run(main())
asyncio.run(main(), debug=True)
