import asyncio

order = []

async def worker(i):
    await asyncio.sleep((7 * i % 10) / 200)
    order.append(i)
    return i * 10

async def main():
    results = await asyncio.gather(*(worker(i) for i in range(10)))
    print("results:", results)
    print("completion order:", order)

asyncio.run(main())
