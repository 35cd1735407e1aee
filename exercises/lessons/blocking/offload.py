import asyncio
import time


def legacy_download(name):
    time.sleep(1.2)  # a blocking library call
    return f"{name} downloaded"


async def heartbeat():
    for _ in range(3):
        print("♥")
        await asyncio.sleep(0.5)


async def main():
    result, _ = await asyncio.gather(asyncio.to_thread(legacy_download, "report.pdf"), heartbeat())
    print(result)


asyncio.run(main())
