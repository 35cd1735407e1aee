import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f1, f2, f3 = (loop.create_future() for _ in range(3))
    loop.call_later(0.1, f1.set_result, "one")
    loop.call_later(0.05, f2.set_result, "two")
    loop.call_soon(f3.set_result, "three")
    g = asyncio.gather(f1, f2, f3)
    print("gather is a future:", asyncio.isfuture(g), "done", g.done())
    print(await g)
    print("done", g.done(), g.result())

asyncio.run(main())
