import asyncio

active = 0

async def job(n, sem):
    global active
    async with sem:
        active += 1
        print("job", n, "start; active", active, "locked", sem.locked())
        await asyncio.sleep(0.05 * (n + 1))
        active -= 1
        print("job", n, "end")

async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(n, sem) for n in range(5)))
    print("locked():", sem.locked())

asyncio.run(main())
