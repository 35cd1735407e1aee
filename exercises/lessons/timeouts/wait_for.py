import asyncio


async def ask_server():
    try:
        await asyncio.sleep(10)  # this server is very slow
        return "fresh answer"
    except asyncio.CancelledError:
        print("server call cancelled")
        raise


async def main():
    try:
        answer = await asyncio.wait_for(ask_server(), timeout=1)
    except TimeoutError:
        answer = "cached answer"
    print("using", answer)


asyncio.run(main())
