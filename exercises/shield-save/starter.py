import asyncio


async def save_document():
    print("save: writing")
    await asyncio.sleep(2)
    print("save: complete")


async def main():
    task = asyncio.create_task(save_document(), name="save")
    try:
        await asyncio.wait_for(task, timeout=1)
    except TimeoutError:
        print("still saving...")
    print("main: done")


asyncio.run(main())
