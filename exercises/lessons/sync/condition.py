import asyncio

plates = []


async def guest(name, cond):
    async with cond:
        await cond.wait_for(lambda: plates)
        print(name, "eats", plates.pop())


async def kitchen(cond):
    for dish in ["soup", "stew"]:
        await asyncio.sleep(0.5)
        async with cond:
            plates.append(dish)
            cond.notify()


async def main():
    cond = asyncio.Condition()
    await asyncio.gather(guest("Dee", cond), guest("Eli", cond), kitchen(cond))


asyncio.run(main())
