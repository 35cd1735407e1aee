from collections import namedtuple
Point = namedtuple("Point", ["x", "y"])
p = Point(3, 4)
print(p, p.x, p.y, p[0], p[-1], len(p))
print(p._asdict(), p._replace(x=10), Point._fields)
x, y = p
print(x + y, p == (3, 4), isinstance(p, tuple))
Color = namedtuple("Color", "r g b", defaults=[0])
print(Color(1, 2), Color(1, 2, 3), Color._make([9, 8, 7]))
try:
    p.x = 5
except AttributeError as e:
    print(type(e).__name__, e)
try:
    Point(1)
except TypeError as e:
    print(type(e).__name__, e)
