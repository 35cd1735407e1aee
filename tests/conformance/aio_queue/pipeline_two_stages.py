import asyncio

async def stage1(src, dst):
    while (x := await src.get()) is not None:
        print("stage1", x)
        await dst.put(x * 10)
    await dst.put(None)

async def stage2(src, out):
    while (x := await src.get()) is not None:
        print("stage2", x)
        out.append(x + 1)

async def main():
    a, b = asyncio.Queue(), asyncio.Queue(maxsize=1)
    for x in (1, 2, 3, None):
        a.put_nowait(x)
    out = []
    await asyncio.gather(stage1(a, b), stage2(b, out))
    print(out)

asyncio.run(main())
