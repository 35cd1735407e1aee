import asyncio

async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(3)]
    loop.call_later(0.15, futs[0].set_result, "slow")
    loop.call_later(0.05, futs[1].set_result, "fast")
    loop.call_later(0.1, futs[2].set_result, "medium")
    for f in futs:
        f.add_done_callback(lambda f: print("resolved", f.result()))
    start = loop.time()
    print(await futs[0])
    print("all done:", [f.done() for f in futs])
    print("waited about 0.15 s:", loop.time() - start > 0.14)

asyncio.run(main())
