ns = {}
exec("y = 1\ndef f():\n    return y + 1", ns)
print(sorted(ns), ns["f"]())
exec("y = 10", ns)
print(ns["f"](), type(ns["__builtins__"]).__name__)
exec("z = 3")
print(z, eval("z + 1"), eval("x", {"x": 5}), eval("a + b", {"a": 1}, {"b": 2}))
def fn():
    q = 4
    print(eval("q * 2"))
    exec("w = 5")
    print("w" in locals())
fn()
print(eval("abs(-3)", {"__builtins__": {"abs": abs}}))
try:
    exec("print(1)", {"__builtins__": {}})
except NameError as e:
    print("NameError:", e)
g = {"__builtins__": __builtins__}
exec("r = len('abc')", g)
print(g["r"])
class C:
    k = 2
    print(eval("k + 1"))
print(eval("__name__"))
