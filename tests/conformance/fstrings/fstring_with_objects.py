from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
    def __format__(self, spec):
        if spec == "polar":
            return f"<polar {self.x},{self.y}>"
        return f"({self.x:{spec}}, {self.y:{spec}})"
p = Point(3, 4)
print(f"{p}")
print(f"{p:03}")
print(f"{p:polar}")
print(f"{p!r}")
print(format(p, ">4"))
