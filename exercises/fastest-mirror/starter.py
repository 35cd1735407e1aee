import asyncio

MIRRORS = {"oslo": 2, "tokyo": 0.7, "lima": 3}


async def download(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"file from {mirror}"


async def main():
    results = await asyncio.gather(*(download(m, s) for m, s in MIRRORS.items()))
    print("got:", results[0])


asyncio.run(main())
