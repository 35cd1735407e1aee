import asyncio


async def roll(die, seconds):
    await asyncio.sleep(seconds)
    return die * 2


async def main():
    async with asyncio.TaskGroup() as tg:
        red = tg.create_task(roll(3, 0.2))
        blue = tg.create_task(roll(5, 0.1))
        print("both started; waiting at the end of the block")
    print("red:", red.result(), "blue:", blue.result())


asyncio.run(main())
