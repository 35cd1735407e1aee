from enum import Enum, IntEnum, auto, Flag
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = auto()
print(Color.RED, repr(Color.GREEN), Color.BLUE.value, Color(2), Color["RED"])
print(list(Color), len(Color), Color.RED is Color(1), Color.RED == 1)
print([c.name for c in Color])
class Prio(IntEnum):
    LOW = 1
    HIGH = 3
print(Prio.HIGH > Prio.LOW, Prio.LOW + 1, sorted([Prio.HIGH, Prio.LOW]))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, Perm.R in (Perm.R | Perm.X), repr(Perm.W))
try:
    Color(9)
except ValueError as e:
    print(type(e).__name__, e)
