import asyncio

async def ok(delay):
    await asyncio.sleep(delay)
    return "ok"

async def bad(delay):
    await asyncio.sleep(delay)
    raise ValueError("bad after %s" % delay)

async def main():
    tasks = [asyncio.create_task(ok(0.025), name="ok-fast"),
             asyncio.create_task(bad(0.05), name="bad"),
             asyncio.create_task(ok(0.5), name="ok-slow")]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    for t in sorted(done, key=lambda t: t.get_name()):
        print("done", t.get_name(), repr(t.exception()))
    print("pending", sorted(t.get_name() for t in pending))
    for t in pending:
        t.cancel()
    await asyncio.wait(pending)
    print("slow cancelled:", tasks[2].cancelled())

asyncio.run(main())
