import asyncio

async def child(name):
    print("child", name, "starts")
    await asyncio.sleep(0)
    print("child", name, "resumes")
    return name.upper()

async def main():
    t1 = asyncio.create_task(child("a"))
    print("created a")
    t2 = asyncio.create_task(child("b"))
    print("created b; nothing ran yet:", t1.done(), t2.done())
    await asyncio.sleep(0)
    print("after one sleep(0)")
    print("results", await t1, await t2)

asyncio.run(main())
