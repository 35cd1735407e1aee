import asyncio

async def work():
    await asyncio.sleep(0)
    return "w"

async def main():
    t = asyncio.create_task(work())
    try:
        t.set_result("forced")
    except RuntimeError as e:
        print("RuntimeError:", e)
    try:
        t.set_exception(ValueError("forced"))
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("task still works:", await t)

asyncio.run(main())
