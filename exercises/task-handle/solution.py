import asyncio


async def download():
    await asyncio.sleep(1.5)
    return "42 MB"


async def main():
    task = asyncio.create_task(download(), name="download")
    print(task.get_name(), "done?", task.done())
    await task
    print(task.get_name(), "done?", task.done())
    print("result:", task.result())


asyncio.run(main())
