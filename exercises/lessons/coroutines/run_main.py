import asyncio


async def greet(name):
    return f"hello, {name}"


async def main():
    first = await greet("Ada")
    second = await greet("Alan")
    print(first)
    print(second)


asyncio.run(main())
