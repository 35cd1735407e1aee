# loop.run_forever() until loop.stop(); a stop before the future is done.
import asyncio


async def ping(loop, n):
    for i in range(n):
        print("ping", i, round(loop.time() - start, 2))
        await asyncio.sleep(0.2)
    loop.stop()


loop = asyncio.new_event_loop()
start = loop.time()
loop.create_task(ping(loop, 3))
loop.call_later(0.1, print, "timer fired")
print(loop.run_forever())
print("stopped", loop.is_running())


async def slow():
    await asyncio.sleep(1)
    return "slow"


loop.call_later(0.3, loop.stop)
try:
    loop.run_until_complete(slow())
except RuntimeError as e:
    print("RuntimeError:", e)
print(loop.run_until_complete(asyncio.sleep(2, result="late")))
loop.stop()
loop.run_forever()
print("one iteration")
loop.close()
