import asyncio

class NotAwaitable:
    pass

class BadAwait:
    def __await__(self):
        return 42

async def main():
    for obj in (42, None, "s", NotAwaitable()):
        try:
            await obj
        except TypeError as e:
            print(type(obj).__name__, "->", e)
    try:
        await BadAwait()
    except TypeError as e:
        print("BadAwait ->", e)

asyncio.run(main())
