def typename(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s}"
        case list([]):
            return "empty list"
        case list([x, *_]):
            return f"list starting {x}"
        case tuple():
            return "tuple"
        case dict():
            return "dict"
        case _:
            return "other"
for v in [True, 3, 3.5, "s", [], [9, 8], (1,), {}, None, set()]:
    print(repr(v), "->", typename(v))
