def gen(n):
    for i in range(n):
        yield i
g = gen(2)
print(g.__name__, g.__qualname__)
print(g.gi_frame is not None, g.gi_running, g.gi_yieldfrom)
def outer():
    yield from gen(2)
o = outer()
next(o)
print(type(o.gi_yieldfrom).__name__)
print(list(o))
