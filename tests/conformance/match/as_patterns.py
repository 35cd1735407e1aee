def analyze(v):
    match v:
        case [int() as a, int() as b] as pair:
            return f"int pair {pair} sum={a + b}"
        case (str() | bytes()) as text:
            return f"text {text!r}"
        case {"data": [*_] as items}:
            return f"items {items}"
        case [(1 | 2) as small, *_]:
            return f"starts small: {small}"
        case _:
            return "other"
for v in [[1, 2], [1, "x"], "abc", b"raw", {"data": [3, 4]}, {"data": "no"}, [2, 9, 9], [5]]:
    print(repr(v), "->", analyze(v))
