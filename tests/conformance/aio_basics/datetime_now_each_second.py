# The asyncio documentation's display_date example: datetime.now() each second.
import asyncio
import datetime


async def display_date():
    loop = asyncio.get_running_loop()
    end_time = loop.time() + 5.0
    last = None
    while True:
        now = datetime.datetime.now()
        if last is not None:
            print(round((now - last).total_seconds(), 1))
        last = now
        if (loop.time() + 1.0) >= end_time:
            break
        await asyncio.sleep(1)


asyncio.run(display_date())
