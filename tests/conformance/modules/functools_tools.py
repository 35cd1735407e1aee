from functools import partial, reduce, lru_cache, total_ordering, wraps
def power(base, exp):
    return base ** exp
square = partial(power, exp=2)
two_to = partial(power, 2)
print(square(7), two_to(10), square.func.__name__, square.keywords, two_to.args)
print(reduce(lambda a, b: a * 10 + b, [1, 2, 3, 4]), reduce(max, [3, 9, 2]), reduce(lambda a, b: a + b, ["x"], "init-"))
calls = 0
@lru_cache(maxsize=None)
def fib(n):
    global calls
    calls += 1
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), calls)
print(fib.cache_info())
fib.cache_clear()
print(fib.cache_info())
try:
    reduce(lambda a, b: a + b, [])
except TypeError as e:
    print(type(e).__name__, e)
