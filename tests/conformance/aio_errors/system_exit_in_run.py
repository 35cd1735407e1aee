import asyncio
import sys

async def helper():
    await asyncio.sleep(0)
    print("helper calls sys.exit(3)")
    sys.exit(3)

async def main():
    try:
        await helper()
    finally:
        print("main finally runs")

asyncio.run(main())
print("not reached")
