def inner():
    x = yield "inner-1"
    print("  inner got", x)
    y = yield "inner-2"
    print("  inner got", y)
    return "inner-result"
def outer():
    yield "outer-start"
    result = yield from inner()
    print("  outer got result", result)
    yield "outer-end"
    return "outer-result"
g = outer()
print(next(g))
print(next(g))
print(g.send("A"))
print(g.send("B"))
try:
    next(g)
except StopIteration as e:
    print("final", e.value)
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], "ab", range(2))))
