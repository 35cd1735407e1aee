it = iter([10, 20])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print(type(e).__name__, repr(e))
d = iter({"a": 1, "b": 2})
print(list(d))
class CountTo3:
    def __init__(self):
        self.n = 0
    def __call__(self):
        self.n += 1
        return self.n
print(list(iter(CountTo3(), 3)))
s = iter("xyz")
print(next(s), list(s))
try:
    next([1, 2])
except TypeError as e:
    print(type(e).__name__, e)
