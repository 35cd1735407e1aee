# sleep(0) and its neighbours in every form: the result argument, negative
# and float delays, a kept coroutine, and cancellation landing inside it.
import asyncio


async def ticker(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)


async def main():
    print(await asyncio.sleep(0), await asyncio.sleep(0, "r"), await asyncio.sleep(-1))
    print(await asyncio.sleep(0.0), await asyncio.sleep(False), await asyncio.sleep(0, result=None))
    kept = asyncio.sleep(0)
    print(type(kept).__name__, await kept)

    log = []
    await asyncio.gather(ticker("a", 3, log), ticker("b", 2, log), ticker("c", 1, log))
    print(log)

    async def sleeper():
        try:
            await asyncio.sleep(0)
            await asyncio.sleep(0)
        except asyncio.CancelledError as e:
            print("cancelled with", e.args)
            raise

    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel("stop")
    try:
        await t
    except asyncio.CancelledError as e:
        print("task cancelled:", t.cancelled(), e.args)

    t2 = asyncio.create_task(asyncio.sleep(0))
    await t2
    print(t2.done(), t2.result())

    try:
        await asyncio.sleep("x")
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
