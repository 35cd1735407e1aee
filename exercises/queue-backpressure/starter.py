import asyncio


async def camera(q):
    for frame in range(8):
        await q.put(frame)
    print("camera: all frames queued")


async def encoder(q):
    for _ in range(8):
        frame = await q.get()
        await asyncio.sleep(0.5)
        print("encoder: frame", frame, "done")


async def main():
    q = asyncio.Queue()
    await asyncio.gather(camera(q), encoder(q))


asyncio.run(main())
