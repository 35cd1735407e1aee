def f(x):
    return 1 / x

def g(a, b):
    return f(a) + f(b)

result = g(1, 0)
