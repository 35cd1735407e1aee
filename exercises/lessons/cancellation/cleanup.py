import asyncio


async def stream_music():
    print("speaker on")
    try:
        while True:
            await asyncio.sleep(1)
            print("♪")
    finally:
        print("speaker off")


async def main():
    player = asyncio.create_task(stream_music())
    await asyncio.sleep(2.5)
    player.cancel()
    try:
        await player
    except asyncio.CancelledError:
        print("player cancelled:", player.cancelled())


asyncio.run(main())
