it = iter([1, 2])
print(next(it), next(it))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e), e.value, e.args)
def gen():
    yield 1
    return "done"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print(repr(e), e.value)
def bad_gen():
    raise StopIteration("inside generator")
    yield
try:
    next(bad_gen())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)
