import asyncio

async def busy():
    total = 0
    try:
        for i in range(100):
            total += i
            if i % 10 == 9:
                print("checkpoint at", i)
                await asyncio.sleep(0)
    except asyncio.CancelledError:
        print("cancelled at checkpoint, total", total)
        raise

async def main():
    t = asyncio.create_task(busy())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.wait([t])
    print("cancelled", t.cancelled())

asyncio.run(main())
