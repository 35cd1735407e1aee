import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    print("finished", name)
    if fail:
        raise RuntimeError(name)
    return name

async def main():
    tasks = [asyncio.create_task(job("a", 0.1), name="a"),
             asyncio.create_task(job("b", 0.05, fail=True), name="b"),
             asyncio.create_task(job("c", 0.15), name="c")]
    done, pending = await asyncio.wait(tasks)
    print("pending:", pending)
    for t in sorted(done, key=lambda t: t.get_name()):
        exc = t.exception()
        print(t.get_name(), "->", repr(exc) if exc else t.result())
    print(type(done).__name__, type(pending).__name__)

asyncio.run(main())
