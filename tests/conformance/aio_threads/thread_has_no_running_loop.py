import asyncio

def probe():
    try:
        asyncio.get_running_loop()
        return "has loop"
    except RuntimeError as e:
        return "RuntimeError: " + str(e)

async def main():
    print("in coroutine:", type(asyncio.get_running_loop()).__name__.endswith("EventLoop"))
    print("in thread:", await asyncio.to_thread(probe))

asyncio.run(main())
