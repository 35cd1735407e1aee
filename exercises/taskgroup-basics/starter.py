import asyncio


async def forecast(city):
    await asyncio.sleep(len(city) / 20)
    return f"{city}: sunny"


async def main():
    cities = ["Rome", "Oslo", "Nairobi"]
    reports = await asyncio.gather(*(forecast(c) for c in cities))
    for r in reports:
        print(r)


asyncio.run(main())
