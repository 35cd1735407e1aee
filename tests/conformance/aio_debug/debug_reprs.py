# Debug mode: Tasks and Handles say where they were created, Handles show
# their arguments, and _source_traceback holds the frames.
import asyncio


def show(x):
    print(repr(x).replace(__file__, "FILE"))


async def work(n):
    await asyncio.sleep(0.01)
    return n


def on_done(fut):
    pass


async def main():
    loop = asyncio.get_running_loop()
    t = loop.create_task(work(1))
    show(t)
    t.add_done_callback(on_done)
    show(t)
    await t
    show(t)
    show(loop.call_soon(print, "hi", 2))
    h = loop.call_soon(on_done, [1, 2, 3])
    show(h)
    h.cancel()
    show(h)
    last = t._source_traceback[-1]
    print(last.lineno, last.name, last.line)
    print([(f.name, f.lineno) for f in t._source_traceback if f.filename == __file__])


asyncio.run(main(), debug=True)
