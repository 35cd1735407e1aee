import asyncio


async def charge(phone):
    await asyncio.sleep(1)
    print(phone, "charged")


async def status_light():
    for _ in range(2):
        print("blink")
        await asyncio.sleep(0.4)


async def main():
    await asyncio.gather(charge("phone A"), charge("phone B"), charge("phone C"), status_light())


asyncio.run(main())
