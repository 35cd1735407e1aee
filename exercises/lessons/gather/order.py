import asyncio


async def cook(dish, minutes):
    await asyncio.sleep(minutes)
    print("ready:", dish)
    return dish


async def main():
    served = await asyncio.gather(cook("soup", 3), cook("salad", 1), cook("bread", 2))
    print("served in order:", served)


asyncio.run(main())
