from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
class Const:
    LIMIT = 10
def name(c):
    match c:
        case Color.RED:
            return "red!"
        case Color.GREEN | Color.BLUE:
            return f"cool {c.name}"
        case Const.LIMIT:
            return "at the limit"
        case _:
            return "unknown"
for c in [Color.RED, Color.BLUE, Color.GREEN, 10, 1]:
    print(c, "->", name(c))
