class Lazy:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return f"computed {name}"
        raise AttributeError(f"no attribute {name!r}")
obj = Lazy()
print(obj.real, obj.xyz, getattr(obj, "xa"), hasattr(obj, "nope"), getattr(obj, "nope", "dflt"))
try:
    obj.nope
except AttributeError as e:
    print(type(e).__name__, e)
class Plain:
    pass
try:
    Plain().missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Plain.missing
except AttributeError as e:
    print(type(e).__name__, e)
