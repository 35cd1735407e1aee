def gen():
    yield "a"
    yield "b"
    return "the result"
g = gen()
for item in g:
    print(item)
g = gen()
next(g); next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, "args:", e.args)
def empty():
    return 5
    yield
try:
    next(empty())
except StopIteration as e:
    print("empty value:", e.value)
