import asyncio

balance = 100


async def deposit(amount):
    global balance
    current = balance
    await asyncio.sleep(0.1)  # talking to the bank's server
    balance = current + amount


async def main():
    await asyncio.gather(deposit(10), deposit(20), deposit(30))
    print("without a lock:", balance)


asyncio.run(main())
