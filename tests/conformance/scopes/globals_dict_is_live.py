# globals() is the module's namespace: writes through it are seen by
# the code, and names the code assigns show up in it.
counter = 0
g = globals()
g["made_here"] = "via globals()"
print(made_here)
def bump():
    global counter
    counter += 1
bump()
print(globals()["counter"], g is globals())
del globals()["made_here"]
try:
    print(made_here)
except NameError as e:
    print("NameError:", e)
globals().update(alpha=1, beta=2)
print(alpha + beta)
def outer(a, b=2):
    c = 3
    def inner(d):
        e = a + d
        return sorted(locals().items())
    return inner(1), sorted(locals())
print(outer(1))
print(sorted(k for k in vars() if not k.startswith("__")))
import sys
print(sys.modules[__name__].__dict__["alpha"], __builtins__.len("abc"))
