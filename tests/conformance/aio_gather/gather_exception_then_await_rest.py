import asyncio

async def step(name, n, fail_at=None):
    for i in range(n):
        await asyncio.sleep(0)
        print(name, i)
        if i == fail_at:
            raise IndexError(name)
    return name

async def main():
    tasks = [asyncio.create_task(step("a", 3)),
             asyncio.create_task(step("b", 3, fail_at=1)),
             asyncio.create_task(step("c", 4))]
    try:
        await asyncio.gather(*tasks)
    except IndexError as e:
        print("gather failed with", repr(e))
    print("rest:", await asyncio.gather(*tasks, return_exceptions=True))

asyncio.run(main())
