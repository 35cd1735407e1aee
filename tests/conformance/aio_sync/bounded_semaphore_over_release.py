import asyncio

async def main():
    sem = asyncio.BoundedSemaphore(2)
    async with sem:
        async with sem:
            print("both slots taken; locked", sem.locked())
        print("one released")
    print("all released; locked", sem.locked())
    try:
        sem.release()
    except ValueError as e:
        print("ValueError:", e)
    print(isinstance(sem, asyncio.Semaphore))

asyncio.run(main())
