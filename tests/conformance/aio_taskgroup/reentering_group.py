import asyncio

async def main():
    tg = asyncio.TaskGroup()
    async with tg:
        tg.create_task(asyncio.sleep(0))
        try:
            async with tg:
                pass
        except RuntimeError as e:
            print("nested enter:", e)
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("re-enter:", e)

asyncio.run(main())
