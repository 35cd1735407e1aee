def kind(v):
    match v:
        case [x] | (x, None):
            return f"single {x}"
        case {"id": x} | {"key": x}:
            return f"identified {x}"
        case "yes" | "y" | "ok":
            return "affirmative"
        case 0 | 0.0 | False:
            return "falsy zero"
        case _:
            return "?"
for v in [[7], (8, None), {"id": 1}, {"key": "k"}, "y", 0, False, 0.0, (1, 2)]:
    print(repr(v), "->", kind(v))
