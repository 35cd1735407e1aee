import asyncio

async def party(name, barrier, delay):
    await asyncio.sleep(delay)
    print(name, "arrives; n_waiting", barrier.n_waiting)
    idx = await barrier.wait()
    print(name, "passes with index", idx)

async def main():
    barrier = asyncio.Barrier(3)
    print("parties", barrier.parties, "broken", barrier.broken)
    await asyncio.gather(party("a", barrier, 0.05), party("b", barrier, 0.15),
                         party("c", barrier, 0.1))
    print("n_waiting after", barrier.n_waiting)

asyncio.run(main())
