import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05) as outer:
            try:
                async with asyncio.timeout(0.5) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner caught it (wrong)")
            print("not reached")
    except TimeoutError:
        print("outer timed out; outer expired", outer.expired(), "inner expired", inner.expired())
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.timeout(0.02) as inner2:
                await asyncio.sleep(1)
    except TimeoutError:
        print("inner timed out first; inner expired", inner2.expired())

asyncio.run(main())
