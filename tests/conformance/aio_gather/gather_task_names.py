import asyncio

async def whoami(tag):
    await asyncio.sleep(0)
    return tag, asyncio.current_task().get_name()

async def main():
    named = asyncio.create_task(whoami("pre"), name="premade")
    for pair in await asyncio.gather(whoami("x"), named, whoami("y")):
        print(pair)
    for pair in await asyncio.gather(whoami("z")):
        print(pair)

asyncio.run(main())
