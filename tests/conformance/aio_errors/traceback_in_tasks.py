# A worker that logs what went wrong with traceback and carries on, and a
# main that reports a task's failure it caught.
import asyncio
import sys
import traceback


class Out:
    """stdout, with this file's path (absolute in CPython) as prog.py."""

    def write(self, text):
        sys.stdout.write(text.replace(__file__, "prog.py"))


out = Out()


async def fetch(n):
    await asyncio.sleep(0.1 * n)
    if n == 2:
        raise ConnectionError(f"job {n} failed")
    return n


async def worker(jobs):
    done = []
    for n in jobs:
        try:
            done.append(await fetch(n))
        except ConnectionError:
            print(traceback.format_exc(), end="", file=out)
    return done


async def main():
    print(await worker([1, 2, 3]))
    t = asyncio.create_task(fetch(2))
    try:
        await t
    except ConnectionError as e:
        traceback.print_exception(e, file=out)
        print(traceback.format_exception_only(e))


asyncio.run(main())
