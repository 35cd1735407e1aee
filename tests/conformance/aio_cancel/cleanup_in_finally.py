import asyncio

async def resource_user(name):
    print(name, "acquire")
    try:
        for i in range(5):
            print(name, "working", i)
            await asyncio.sleep(0.1)
    finally:
        print(name, "release (finally)")
        await asyncio.sleep(0)
        print(name, "cleanup finished even after await")

async def main():
    t = asyncio.create_task(resource_user("r"))
    await asyncio.sleep(0.25)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: cancelled", t.cancelled())

asyncio.run(main())
