import asyncio


async def save(document):
    await asyncio.sleep(2)
    print("saved", document)


async def main():
    saving = asyncio.create_task(save("essay.txt"))
    try:
        await asyncio.wait_for(asyncio.shield(saving), timeout=0.5)
    except TimeoutError:
        print("not waiting any longer; the save goes on")
    await saving
    print("done")


asyncio.run(main())
