class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"
p = Point(1, "two")
print(p)
print(repr(p), str(p), f"{p}", f"{p!r}")
print([p, Point(0, 0)])
print({"k": p})
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()])
class OnlyStr:
    def __str__(self):
        return "only-str"
print(OnlyStr(), repr(OnlyStr()).startswith("<__main__.OnlyStr object at 0x"))
