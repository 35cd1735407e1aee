import asyncio

async def inner():
    return "inner"

async def main():
    c = inner()
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("RuntimeError:", e)
    c.close()
    r2 = asyncio.Runner()
    c2 = inner()
    try:
        r2.run(c2)
    except RuntimeError as e:
        print("Runner.run:", e)
    c2.close()
    r2.close()

asyncio.run(main())
