import asyncio


async def save_document():
    print("save: writing")
    await asyncio.sleep(2)
    print("save: complete")


async def main():
    task = asyncio.create_task(save_document(), name="save")
    try:
        await asyncio.wait_for(asyncio.shield(task), timeout=1)
    except TimeoutError:
        print("still saving...")
    await task
    print("main: done")


asyncio.run(main())
