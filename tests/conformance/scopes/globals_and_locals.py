a = 1
def f():
    b = 2
    return sorted(locals().items())
print(f())
print("a" in globals(), globals()["a"])
globals()["dynamic"] = "made via globals()"
print(dynamic)
def g(x, y=3):
    z = x + y
    return locals()
print(g(1))
