import asyncio

async def user(name, sem):
    print(name, "waiting")
    await sem.acquire()
    print(name, "acquired")

async def main():
    sem = asyncio.Semaphore(0)
    tasks = [asyncio.create_task(user(n, sem)) for n in ("u1", "u2", "u3")]
    await asyncio.sleep(0)
    for i in range(3):
        print("release", i)
        sem.release()
        await asyncio.sleep(0)
    await asyncio.gather(*tasks)

asyncio.run(main())
