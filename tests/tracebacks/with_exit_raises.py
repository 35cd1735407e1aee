# __exit__ raising: the with line's frame points at the context expression,
# on a normal exit, from a return, and after an exception in the body.
class CM:
    def __enter__(self): return self
    def __exit__(self, *a): raise KeyError('exit')
def f():
    with CM() as c:
        x = 1
        y = 2
def g():
    with CM() as c, \
            CM():
        raise ValueError('body')
def k():
    for i in range(3):
        with CM(
        ) as c:
            return i
for fn in (f, g, k):
    try:
        fn()
    except KeyError:
        import traceback; traceback.print_exc()
f()
