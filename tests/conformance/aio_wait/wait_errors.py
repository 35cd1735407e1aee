import asyncio

async def coro():
    return 1

async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("empty:", e)
    c = coro()
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("coroutine:", e)
    c.close()
    t = asyncio.create_task(coro())
    try:
        await asyncio.wait([t], return_when="SOMETIMES")
    except ValueError as e:
        print("bad return_when:", e)
    done, pending = await asyncio.wait([t])
    print(len(done), len(pending), t.result())

asyncio.run(main())
