import asyncio


async def price(item):
    prices = {"bread": 3, "milk": 2, "apples": 4}
    await asyncio.sleep(0.1)
    return prices[item]


async def main():
    total = 0
    for item in ["bread", "milk", "apples"]:
        p = await price(item)
        print(item, p)
        total += p
    print("total:", total)


asyncio.run(main())
