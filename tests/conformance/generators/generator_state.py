def gen():
    yield 1
import inspect
g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g))
for _ in g:
    pass
print(inspect.getgeneratorstate(g))
def self_ref():
    yield g2.gi_running
g2 = self_ref()
print(next(g2), g2.gi_running)
print(g.gi_frame is None, iter(g) is g)
def running():
    try:
        next(g3)
    except ValueError as e:
        yield f"{type(e).__name__}: {e}"
g3 = running()
print(next(g3))
