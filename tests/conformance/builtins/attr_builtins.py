class Obj:
    cls_attr = "class"
o = Obj()
setattr(o, "x", 10)
print(getattr(o, "x"), getattr(o, "cls_attr"), getattr(o, "missing", "default"))
print(hasattr(o, "x"), hasattr(o, "y"), hasattr(Obj, "cls_attr"))
delattr(o, "x")
print(hasattr(o, "x"))
try:
    getattr(o, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(o, "nothing")
except AttributeError as e:
    print(type(e).__name__, e)
setattr(Obj, "added", lambda self: "method added")
print(o.added())
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print(type(e).__name__, e)
