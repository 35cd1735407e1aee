# asyncio.run(debug=...), loop.set_debug() and slow_callback_duration; every
# asyncio.run() starts a new loop, so the settings do not carry over.
import asyncio


async def show(label):
    loop = asyncio.get_running_loop()
    print(label, loop.get_debug(), loop.slow_callback_duration)


async def toggle():
    loop = asyncio.get_running_loop()
    loop.set_debug(True)
    print("set_debug(True):", loop.get_debug())
    loop.slow_callback_duration = 0.25
    print("slow_callback_duration:", loop.slow_callback_duration)
    loop.set_debug(False)
    print("set_debug(False):", loop.get_debug())


asyncio.run(show("default"))
asyncio.run(show("debug=True"), debug=True)
asyncio.run(show("debug=False"), debug=False)
asyncio.run(toggle())
asyncio.run(show("next run"))

with asyncio.Runner(debug=True) as runner:
    runner.run(show("Runner(debug=True)"))
    runner.run(show("same runner"))
with asyncio.Runner() as runner:
    runner.get_loop().set_debug(True)
    runner.run(show("Runner + set_debug"))
