import asyncio

async def job(delay, fail):
    await asyncio.sleep(delay)
    if fail:
        raise LookupError("failed at %s" % delay)
    return delay

async def main():
    aws = [job(0.15, False), job(0.05, True), job(0.1, False)]
    for fut in asyncio.as_completed(aws):
        try:
            print("result", await fut)
        except LookupError as e:
            print("error", e)

asyncio.run(main())
