def f(x, y):
    return x + y
cases = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3),
    lambda: f(1, z=3),
    lambda: f(1, x=2),
    lambda: f(1, y=2, y2=3),
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(type(e).__name__, e)
def g(a, b, c=1, *, d, e):
    pass
for call in (lambda: g(1), lambda: g(1, 2), lambda: g(1, 2, d=1), lambda: g(1, 2, 3, 4, d=1, e=1)):
    try:
        call()
    except TypeError as e:
        print(type(e).__name__, e)
def h():
    pass
try:
    h(1)
except TypeError as e:
    print(type(e).__name__, e)
