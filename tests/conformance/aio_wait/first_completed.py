import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = [asyncio.create_task(job(d), name=f"job-{d}") for d in (0.15, 0.05, 0.25)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    print("results:", [t.result() for t in done])
    done2, pending2 = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("second round done:", sorted(t.get_name() for t in done2), "pending:", len(pending2))
    await asyncio.wait(pending2)
    print("all done:", all(t.done() for t in tasks))

asyncio.run(main())
