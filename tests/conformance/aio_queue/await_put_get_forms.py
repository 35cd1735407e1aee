# `await q.put(x)` / `await q.get()` in every form a program writes them:
# awaited at once, kept and awaited later, as tasks, by keyword, through
# subclasses and replaced methods, and when they must wait or fail.
import asyncio


class Logged(asyncio.Queue):
    async def put(self, item):
        print("Logged.put", item)
        await super().put(item)


class Counting(asyncio.Queue):
    gets = 0

    def _get(self):
        Counting.gets += 1
        return super()._get()


async def worker(name, q, out):
    while (item := await q.get()) is not None:
        out.append((name, item))
        await asyncio.sleep(0)
    out.append((name, "done"))


async def main():
    q = asyncio.Queue()
    await q.put(1)
    pending = q.put(2)            # kept: a coroutine, run when awaited
    print(type(pending).__name__, q.qsize())
    await pending
    print(q.qsize(), await q.get(), await q.get())

    await q.put(item=3)           # keyword argument
    print(await asyncio.wait_for(q.get(), 1))

    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    print(t.done())
    await q.put(4)
    print(await t)

    lq = Logged()
    await lq.put("a")
    print(await lq.get())

    cq = Counting()
    for i in range(3):
        await cq.put(i)
    print([await cq.get() for _ in range(3)], Counting.gets)

    pq = asyncio.PriorityQueue()
    for p in (3, 1, 2):
        await pq.put((p, f"job{p}"))
    print([await pq.get() for _ in range(3)])

    # A full queue makes put() wait; an empty one makes get() wait.
    small = asyncio.Queue(1)
    out = []

    async def producer():
        for i in range(4):
            await small.put(i)
            out.append(("put", i))
        await small.put(None)

    await asyncio.gather(producer(), worker("w", small, out))
    print(out)

    # Two consumers share the items in the order CPython wakes them.
    shared = asyncio.Queue()
    got = []
    tasks = [asyncio.create_task(worker(n, shared, got)) for n in ("a", "b")]
    await asyncio.sleep(0)
    for i in range(5):
        await shared.put(i)
    await shared.put(None)
    await shared.put(None)
    await asyncio.gather(*tasks)
    print(got)

    # A method replaced on the class is what runs.
    original = asyncio.Queue.get

    async def noisy_get(self):
        print("noisy_get")
        return await original(self)

    asyncio.Queue.get = noisy_get
    rq = asyncio.Queue()
    await rq.put("r")
    print(await rq.get())
    asyncio.Queue.get = original

    # A shut-down queue raises from put() and, once empty, from get().
    dq = asyncio.Queue()
    await dq.put("last")
    dq.shutdown()
    for op in (lambda: dq.put(1), dq.get, dq.get):
        try:
            print("got", await op())
        except asyncio.QueueShutDown as e:
            print(type(e).__name__, repr(e))


asyncio.run(main())
