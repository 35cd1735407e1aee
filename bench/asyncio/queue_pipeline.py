# A 3-stage Queue pipeline moving 100,000 items.
import asyncio

N = 100_000

async def source(out):
    for i in range(N):
        await out.put(i)
    await out.put(None)

async def stage(inp, out):
    while True:
        item = await inp.get()
        await out.put(item if item is None else item + 1)
        if item is None:
            return

async def sink(inp):
    total = 0
    while True:
        item = await inp.get()
        if item is None:
            return total
        total += item

async def main():
    a, b, c = asyncio.Queue(100), asyncio.Queue(100), asyncio.Queue(100)
    *_, total = await asyncio.gather(source(a), stage(a, b), stage(b, c), sink(c))
    print(total)

asyncio.run(main())
