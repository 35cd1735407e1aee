import asyncio

async def bad(n):
    await asyncio.sleep(0)
    raise ValueError(n)

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for n in range(3):
                tg.create_task(bad(n))
    except BaseExceptionGroup as eg:
        print(type(eg).__name__)
        print("message:", eg.message)
        print("args[0]:", eg.args[0])
        print("count:", len(eg.exceptions), [e.args for e in eg.exceptions])
        print("str:", str(eg))

asyncio.run(main())
