import asyncio

async def inner():
    print("inner start")
    await asyncio.sleep(0)
    raise ValueError("bad value from inner")

async def main():
    print("main start")
    await inner()
    print("never printed")

asyncio.run(main())
print("never printed either")
