import asyncio

async def quick():
    return "quick"

async def main():
    try:
        await asyncio.wait_for(quick(), -1)
    except TimeoutError:
        print("negative timeout: TimeoutError even for an instant coroutine")
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result("ready")
    print("done future with timeout 0:", await asyncio.wait_for(f, 0))

asyncio.run(main())
