class Sample:
    kind = "sample"
    def __init__(self):
        self.a = 1
        self.b = "two"
    def method(self):
        return None
s = Sample()
print(vars(s))
print(sorted(k for k in vars(Sample) if not k.startswith("__")))
print([n for n in dir(s) if not n.startswith("_")])
print(callable(s.method), callable(Sample), callable(s), callable(len), callable("str"), callable(lambda: 0))
try:
    vars(5)
except TypeError as e:
    print(type(e).__name__, e)
print("a" in dir(s), "kind" in dir(Sample), "a" in dir(Sample))
