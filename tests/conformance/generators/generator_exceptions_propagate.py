def faulty():
    yield 1
    raise ValueError("generator failed")
    yield 2
g = faulty()
print(next(g))
try:
    next(g)
except ValueError as e:
    print(type(e).__name__, e)
try:
    next(g)
except StopIteration:
    print("exhausted after exception")
def divide(items):
    for i in items:
        yield 10 / i
try:
    for r in divide([1, 2, 0, 5]):
        print(r)
except ZeroDivisionError as e:
    print(type(e).__name__, e)
