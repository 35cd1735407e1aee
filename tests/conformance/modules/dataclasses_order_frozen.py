from dataclasses import dataclass, field, FrozenInstanceError
@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    label: str = field(default="", compare=False)
vs = [Version(1, 2, "b"), Version(0, 9), Version(1, 0, "a"), Version(1, 2, "a")]
print(sorted(vs))
print(Version(1, 2) < Version(1, 10), Version(1, 2, "x") == Version(1, 2, "y"), max(vs))
@dataclass(frozen=True)
class Point:
    x: int
    y: int
p = Point(1, 2)
try:
    p.x = 5
except FrozenInstanceError as e:
    print(type(e).__name__, e)
print(hash(p) == hash(Point(1, 2)), {p: "ok"}[Point(1, 2)])
@dataclass
class WithPost:
    a: int
    b: int = field(init=False, repr=False)
    def __post_init__(self):
        self.b = self.a * 2
w = WithPost(4)
print(w, w.b)
@dataclass(repr=False, eq=False)
class Bare:
    v: int
print(Bare(1) == Bare(1), Bare(1).v)
