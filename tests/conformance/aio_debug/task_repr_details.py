# What a Task's repr shows: what it waits for, its done callbacks (first,
# count, last), "cancelling", and results shortened the way reprlib does.
import asyncio


def show(x):
    print(repr(x).replace(__file__, "FILE"))


async def sleeper():
    await asyncio.sleep(1)


async def returns(v):
    return v


async def inspector():
    show(asyncio.current_task())


def cb1(f):
    pass


def cb2(f):
    pass


async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    show(t)
    t.add_done_callback(cb1)
    show(t)
    t.add_done_callback(cb2)
    show(t)
    t.add_done_callback(cb1)
    t.add_done_callback(id)
    show(t)
    t.cancel()
    show(t)
    await asyncio.sleep(0)
    show(t)
    await asyncio.create_task(inspector())
    for v in [list(range(10)), "x" * 50, {"b": 1, "a": 2, "c": 3, "d": 4, "e": 5}, 2**200, (1,), [[[[[[[1]]]]]]]]:
        r = asyncio.create_task(returns(v))
        await r
        show(r)
    f = asyncio.get_running_loop().create_future()
    f.add_done_callback(cb1)
    show(f)
    f.set_result(None)
    show(f)


asyncio.run(main())
