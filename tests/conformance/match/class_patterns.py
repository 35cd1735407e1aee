from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
@dataclass
class Circle:
    center: Point
    r: int
def where(shape):
    match shape:
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case Circle(Point(0, 0), r):
            return f"circle at origin r={r}"
        case Circle(center=Point(x=cx), r=r) if r > 5:
            return f"big circle cx={cx}"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case _:
            return "unknown"
for s in [Point(0, 0), Point(0, 7), Point(3, 3), Point(1, 2), Circle(Point(0, 0), 2), Circle(Point(4, 1), 9),
          Circle(Point(4, 1), 1), 5, 2.5, "hi", None]:
    print(s, "->", where(s))
