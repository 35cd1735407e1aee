import asyncio


async def load_settings(ready):
    await asyncio.sleep(1)
    print("settings loaded")
    ready.set()


async def worker(name, ready):
    await ready.wait()
    print(f"{name}: working")


async def main():
    ready = asyncio.Event()
    await asyncio.gather(worker("w1", ready), worker("w2", ready), load_settings(ready))


asyncio.run(main())
