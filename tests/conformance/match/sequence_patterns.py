def seq(v):
    match v:
        case (x, y):
            return f"pair {x},{y}"
        case [x, y, z]:
            return f"triple {x},{y},{z}"
        case [x, [y, z]]:
            return f"nested {x},{y},{z}"
        case [*rest] if len(rest) > 3:
            return f"long {len(rest)}"
        case _:
            return "no match"
for v in [(1, 2), [1, 2, 3], [1, [2, 3]], [1, 2, 3, 4, 5], "ab", (1,), range(2), {1: 2}]:
    print(repr(v), "->", seq(v))
