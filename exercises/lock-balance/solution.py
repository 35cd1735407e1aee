import asyncio


async def deposit(account, who, lock):
    async with lock:
        current = account["balance"]
        print(f"{who} reads {current}")
        await asyncio.sleep(0.1)
        account["balance"] = current + 10


async def main():
    account = {"balance": 100}
    lock = asyncio.Lock()
    await asyncio.gather(*(deposit(account, f"d{i}", lock) for i in range(1, 6)))
    print("balance:", account["balance"])


asyncio.run(main())
