import asyncio


async def forecast(city):
    await asyncio.sleep(len(city) / 20)
    return f"{city}: sunny"


async def main():
    cities = ["Rome", "Oslo", "Nairobi"]
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(forecast(c)) for c in cities]
    for t in tasks:
        print(t.result())


asyncio.run(main())
