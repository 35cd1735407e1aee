import asyncio

async def once():
    return "value"

async def main():
    c = once()
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(once())
    print(await t, await t)

asyncio.run(main())
