def trace(label, value):
    print("eval", label)
    return value
def f(a, b, c=None, **kw):
    return (a, b, c, kw)
print(f(trace("a", 1), trace("b", 2), c=trace("c", 3), d=trace("d", 4)))
print(trace("left", 1) + trace("right", 2) * trace("mul", 3))
d = {trace("k1", "x"): trace("v1", 1), trace("k2", "y"): trace("v2", 2)}
print(d)
x = [trace("i0", 0), trace("i1", 1)][trace("idx", 1)]
print(x)
