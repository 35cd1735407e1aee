import asyncio

async def stubborn():
    for attempt in range(3):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("stubborn swallowed cancel", attempt)
    return "stubborn finished"

async def main():
    t = asyncio.create_task(stubborn())
    for _ in range(3):
        await asyncio.sleep(0)
        t.cancel()
        print("requested cancel; cancelling", t.cancelling())
    result = await t
    print("result", result, "cancelled()", t.cancelled(), "cancelling", t.cancelling())

asyncio.run(main())
