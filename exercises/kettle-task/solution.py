import asyncio


async def boil():
    print("kettle on")
    await asyncio.sleep(2)
    print("water boiled")
    return "water"


async def toast():
    print("bread in")
    await asyncio.sleep(1)
    print("toast popped")
    return "toast"


async def main():
    kettle = asyncio.create_task(boil(), name="kettle")
    bread = await toast()
    water = await kettle
    print(f"breakfast: {bread} and {water}")


asyncio.run(main())
