import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    return name

async def main():
    aws = [job("slow", 0.15), job("fast", 0.05), job("mid", 0.1)]
    for i, fut in enumerate(asyncio.as_completed(aws)):
        result = await fut
        print("completed #%d:" % i, result)

asyncio.run(main())
