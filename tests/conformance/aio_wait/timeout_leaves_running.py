import asyncio

async def job(name, delay):
    await asyncio.sleep(delay)
    print(name, "completed")
    return name

async def main():
    tasks = [asyncio.create_task(job("quick", 0.03), name="quick"),
             asyncio.create_task(job("slow", 0.3), name="slow")]
    done, pending = await asyncio.wait(tasks, timeout=0.15)
    print("after timeout done:", sorted(t.get_name() for t in done))
    print("after timeout pending:", sorted(t.get_name() for t in pending))
    slow = pending.pop()
    print("slow cancelled?", slow.cancelled(), "done?", slow.done())
    print("awaiting slow:", await slow)

asyncio.run(main())
