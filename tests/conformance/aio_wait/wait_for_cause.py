import asyncio

async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except TimeoutError as e:
        print("cause:", type(e.__cause__).__name__)
        print("context:", type(e.__context__).__name__)
    try:
        await asyncio.wait_for(asyncio.sleep(0), 1)
        print("sleep(0) finishes within the timeout")
    except TimeoutError:
        print("unexpected")

asyncio.run(main())
