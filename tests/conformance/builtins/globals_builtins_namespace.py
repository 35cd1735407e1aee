import builtins
print(builtins.len is len, builtins.print is print)
print(type(__builtins__).__name__ in ("module", "dict"))
print(__name__)
print(sorted(k for k in globals() if not k.startswith("_")))
def shadow():
    list = "shadowed"
    return list
print(shadow(), list("ok"))
