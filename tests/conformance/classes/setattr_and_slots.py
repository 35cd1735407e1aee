class Record:
    __slots__ = ("a", "b")
    def __init__(self):
        self.a = 1
r = Record()
r.b = 2
print(r.a, r.b)
try:
    r.c = 3
except AttributeError as e:
    print(type(e).__name__, e)
class Audited:
    def __setattr__(self, name, value):
        print(f"set {name}={value!r}")
        super().__setattr__(name, value)
x = Audited()
x.val = 5
setattr(x, "other", [1])
print(x.val, x.other)
delattr(x, "val")
print(hasattr(x, "val"))
