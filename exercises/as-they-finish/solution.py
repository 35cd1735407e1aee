import asyncio


async def build(name, seconds):
    await asyncio.sleep(seconds)
    return name


async def main():
    jobs = [build("sales", 3), build("stock", 1), build("staff", 2)]
    for next_report in asyncio.as_completed(jobs):
        name = await next_report
        print("ready:", name)
    print("all reports ready")


asyncio.run(main())
