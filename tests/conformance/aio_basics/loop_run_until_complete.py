# The loop driven by hand, as older tutorials do: new_event_loop,
# set_event_loop, run_until_complete (coroutine, task, gather), close.
import asyncio


async def tick(name, n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        print(name, i, asyncio.current_task().get_name())
    return name


async def main():
    print("main in", asyncio.current_task().get_name())
    return await asyncio.gather(tick("a", 2, 0.1), tick("b", 2, 0.13))


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
bg = loop.create_task(tick("bg", 6, 0.1))
print(loop.run_until_complete(main()))
print("between", bg.done())
print(loop.run_until_complete(asyncio.gather(tick("c", 1, 0.05), tick("d", 1, 0.01))))
print(loop.run_until_complete(bg), bg.get_name())
t = loop.create_task(tick("e", 1, 0))
print(loop.run_until_complete(t), t.get_name())
print(asyncio.get_event_loop() is loop, loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
coro = main()
try:
    loop.run_until_complete(coro)
except RuntimeError as e:
    print("RuntimeError:", e)
coro.close()
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.new_event_loop().run_until_complete(42)
except TypeError as e:
    print("TypeError:", e)
