# After asyncio.run() or a Runner there is no current loop: get_event_loop()
# raises instead of making one; set_event_loop() decides what it gives.
import asyncio
async def main():
    return asyncio.get_event_loop() is asyncio.get_running_loop()
with asyncio.Runner() as r:
    print(r.run(main()))
    print(asyncio.get_event_loop() is r.get_loop())
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
loop.close()
print(asyncio.get_event_loop() is loop, loop.is_closed())
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
async def main2():
    return 7
print(asyncio.run(main2()))
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print("after run:", e)
