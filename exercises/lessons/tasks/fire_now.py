import asyncio


async def boil_water():
    print("kettle: on")
    await asyncio.sleep(2)
    print("kettle: boiled")
    return "hot water"


async def main():
    kettle = asyncio.create_task(boil_water(), name="kettle")
    print("main: getting cups")
    await asyncio.sleep(1)
    print("main: cups ready")
    water = await kettle
    print("main: pouring", water)


asyncio.run(main())
