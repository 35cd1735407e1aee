import asyncio


async def log(message):
    await asyncio.sleep(0)
    print("LOG:", message)


async def main():
    log("starting up")         # oops: creates a coroutine and drops it
    await log("all systems go")


asyncio.run(main())
