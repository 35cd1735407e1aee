class Tracker:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print("exit", self.name, exc_type.__name__ if exc_type else None, exc)
        return self.swallow
with Tracker("a") as val:
    print("inside", val)
with Tracker("b", swallow=True):
    raise ValueError("hidden")
print("after b")
try:
    with Tracker("c"):
        raise KeyError("shown")
except KeyError as e:
    print("caught", repr(e))
with Tracker("outer") as o, Tracker("inner") as i:
    print("both", o, i)
