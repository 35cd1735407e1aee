import asyncio


async def resize(photo, seconds):
    await asyncio.sleep(seconds)
    return photo


async def main():
    jobs = [resize("beach.jpg", 0.3), resize("cat.jpg", 0.1), resize("city.jpg", 0.2)]
    for n, next_done in enumerate(asyncio.as_completed(jobs), start=1):
        photo = await next_done
        print(f"{n}/3 resized {photo}")


asyncio.run(main())
