import asyncio


async def main():
    urgent_first = asyncio.PriorityQueue()
    for item in [(3, "water plants"), (1, "fix leak"), (2, "pay rent")]:
        await urgent_first.put(item)
    while not urgent_first.empty():
        priority, chore = await urgent_first.get()
        print(priority, chore)

    stack = asyncio.LifoQueue()
    for plate in ["bottom plate", "middle plate", "top plate"]:
        await stack.put(plate)
    print(await stack.get())


asyncio.run(main())
