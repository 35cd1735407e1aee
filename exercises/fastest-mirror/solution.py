import asyncio

MIRRORS = {"oslo": 2, "tokyo": 0.7, "lima": 3}


async def download(mirror, seconds):
    await asyncio.sleep(seconds)
    return f"file from {mirror}"


async def main():
    tasks = [asyncio.create_task(download(m, s), name=m) for m, s in MIRRORS.items()]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("got:", done.pop().result())
    for t in pending:
        t.cancel()


asyncio.run(main())
