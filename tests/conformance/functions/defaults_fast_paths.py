# Calls that leave trailing parameters to their defaults, for plain
# functions, methods, generators and coroutines, and what they share.
import asyncio


def append(x, acc=[]):
    acc.append(x)
    return acc


print(append(1), append(2), append(3, []))
print(append.__defaults__)


def three(a, b=2, c=3):
    return (a, b, c)


print(three(1), three(1, 20), three(1, 20, 30))


def gen(n, step=1, start=0):
    i = start
    while i < n:
        yield i
        i += step


print(list(gen(5)), list(gen(5, 2)), list(gen(5, 2, 1)))
g = gen(3)
print(type(g).__name__, g.__name__, next(g), next(g))


class Counter:
    def __init__(self, start=0):
        self.n = start

    def bump(self, by=1, times=1):
        for _ in range(times):
            self.n += by
        return self.n

    def chunks(self, size=2):
        for i in range(0, self.n, size):
            yield i


c = Counter()
print(c.bump(), c.bump(5), c.bump(2, 3), list(c.chunks()), list(c.chunks(4)))


def depth(n, acc=0):
    return acc if n == 0 else depth(n - 1, acc + n)


print(depth(100))


def too_deep(n=0):
    return too_deep(n + 1)


try:
    too_deep()
except RecursionError as e:
    print("RecursionError:", e)


async def work(name, delay=0, result=None):
    await asyncio.sleep(delay)
    return (name, result)


async def main():
    coro = work("a")
    print(type(coro).__name__, coro.__qualname__)
    print(await coro)
    print(await asyncio.gather(work("b", 0.01, 1), work("c"), work("d", 0, "x")))
    t = asyncio.create_task(work("e"))
    print(t.get_coro().__name__, await t)


asyncio.run(main())

try:
    three()
except TypeError as e:
    print("TypeError:", e)
try:
    three(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
