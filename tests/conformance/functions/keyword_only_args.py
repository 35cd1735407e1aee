def connect(host, *, port=80, secure=False):
    return f"{host}:{port} secure={secure}"
print(connect("a"))
print(connect("b", port=443, secure=True))
try:
    connect("c", 8080)
except TypeError as e:
    print(type(e).__name__, e)
def f(*, a, b=2):
    return a + b
print(f(a=1), f(b=10, a=1))
try:
    f()
except TypeError as e:
    print(type(e).__name__, e)
def g(*args, flag):
    return args, flag
print(g(1, 2, flag=True))
