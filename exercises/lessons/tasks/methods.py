import asyncio


async def download(size):
    await asyncio.sleep(size / 10)
    return f"{size} MB"


def report(task):
    print("callback:", task.get_name(), "finished with", task.result())


async def main():
    task = asyncio.create_task(download(5), name="video")
    task.add_done_callback(report)
    print(task.get_name(), "done?", task.done())
    result = await task
    print(task.get_name(), "done?", task.done())
    print("awaited:", result, "| result():", task.result(), "| exception():", task.exception())


asyncio.run(main())
