import asyncio
import time


def resize(photo):
    time.sleep(1)  # blocking: this library knows nothing about asyncio
    return f"{photo} resized"


async def process(photo):
    return resize(photo)


async def spinner():
    for frame in "|/-\\":
        print("spinner", frame)
        await asyncio.sleep(0.3)


async def main():
    results = await asyncio.gather(process("beach.jpg"), process("city.jpg"), spinner())
    for r in results[:2]:
        print(r)


asyncio.run(main())
