import asyncio

async def main():
    loop = asyncio.get_running_loop()
    now = loop.time()
    loop.call_at(now + 0.15, print, "call_at +0.15")
    loop.call_later(0.05, print, "call_later 0.05")
    loop.call_soon(print, "call_soon 1")
    loop.call_later(0, print, "call_later 0")
    loop.call_soon(print, "call_soon 2")
    h = loop.call_later(0.1, print, "cancelled timer")
    h.cancel()
    print("handle cancelled:", h.cancelled())
    print("main before sleep")
    await asyncio.sleep(0.25)
    print("main after sleep")

asyncio.run(main())
