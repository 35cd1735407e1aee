import asyncio

async def main():
    sem = asyncio.Semaphore(1)
    print("locked", sem.locked())
    print("acquire ->", await sem.acquire())
    print("locked", sem.locked())
    sem.release()
    sem.release()
    print("plain Semaphore may go above its initial value; locked", sem.locked())
    await sem.acquire()
    await sem.acquire()
    print("acquired twice; locked", sem.locked())
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)
    zero = asyncio.Semaphore(0)
    print("Semaphore(0) locked", zero.locked())

asyncio.run(main())
