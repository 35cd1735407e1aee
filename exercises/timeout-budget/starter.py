import asyncio


async def step(name, seconds):
    await asyncio.sleep(seconds)
    print("done:", name)


async def main():
    await step("mix", 1)
    await step("knead", 1.5)
    await step("rise", 2)
    await step("bake", 1)
    print("bread!")


asyncio.run(main())
