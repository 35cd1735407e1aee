import asyncio

async def main():
    q = asyncio.Queue(3)
    def state(label):
        print(f"{label:>10}: qsize={q.qsize()} empty={q.empty()} full={q.full()}")
    state("new")
    for i in range(3):
        await q.put(i)
        state(f"put {i}")
    for i in range(3):
        await q.get()
        state(f"get {i}")

asyncio.run(main())
