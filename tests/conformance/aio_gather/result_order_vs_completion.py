import asyncio

async def job(name, delay):
    print("start", name)
    await asyncio.sleep(delay)
    print("finish", name)
    return name * 2

async def main():
    results = await asyncio.gather(job("a", 0.15), job("b", 0.05), job("c", 0.1))
    print("results in argument order:", results)
    print(type(results).__name__)

asyncio.run(main())
