import asyncio

in_flight = 0


async def call_api(city):
    global in_flight
    in_flight += 1
    try:
        if in_flight > 3:
            return f"{city}: rejected (too many requests)"
        await asyncio.sleep(1)
        return f"{city}: 21 degrees"
    finally:
        in_flight -= 1


async def request(city, limit):
    async with limit:
        return await call_api(city)


async def main():
    cities = ["Lima", "Oslo", "Pune", "Rome", "Kyiv", "Lagos", "Quito", "Seoul", "Tunis"]
    limit = asyncio.Semaphore(3)
    for line in await asyncio.gather(*(request(c, limit) for c in cities)):
        print(line)


asyncio.run(main())
