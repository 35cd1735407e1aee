import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05) as cm:
            print("inside, expired:", cm.expired())
            await asyncio.sleep(1)
            print("not reached")
    except TimeoutError:
        print("TimeoutError after leaving block; expired:", cm.expired())
    async with asyncio.timeout(0.5) as cm2:
        await asyncio.sleep(0.01)
    print("in time; expired:", cm2.expired())
    async with asyncio.timeout(None) as cm3:
        print("when() for None:", cm3.when())
        await asyncio.sleep(0)
    print("done")

asyncio.run(main())
