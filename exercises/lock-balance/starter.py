import asyncio


async def deposit(account, who):
    current = account["balance"]
    print(f"{who} reads {current}")
    await asyncio.sleep(0.1)
    account["balance"] = current + 10


async def main():
    account = {"balance": 100}
    await asyncio.gather(*(deposit(account, f"d{i}") for i in range(1, 6)))
    print("balance:", account["balance"])


asyncio.run(main())
