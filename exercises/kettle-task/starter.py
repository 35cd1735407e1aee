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
    water = await boil()
    bread = await toast()
    print(f"breakfast: {bread} and {water}")


asyncio.run(main())
