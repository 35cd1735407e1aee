x = "global"
def f():
    x = "enclosing"
    def g():
        return x
    return g()
def h():
    return x
def shadow_builtin():
    len = lambda s: "shadowed"
    return len("abc")
print(f(), h(), shadow_builtin(), len("abc"))
print = print
def uses_print():
    print("builtin print still works")
uses_print()
def local_first():
    x = "local"
    return x
print(local_first(), x)
