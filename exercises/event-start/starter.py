import asyncio

settings_loaded = False


async def load_settings():
    global settings_loaded
    await asyncio.sleep(1)
    print("settings loaded")
    settings_loaded = True


async def worker(name):
    while not settings_loaded:
        await asyncio.sleep(0.3)
    print(f"{name}: working")


async def main():
    await asyncio.gather(worker("w1"), worker("w2"), load_settings())


asyncio.run(main())
