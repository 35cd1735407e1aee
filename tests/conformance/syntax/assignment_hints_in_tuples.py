# CPython's error pass reads `a, b = ...` element by element: an element
# that looks like `x = y` gets the "did you mean ==" hint.
cases = [
    "x, 1 = 2", "a = x, 1 = 2", "a = f(), g() = 3", "x, 1, y = 2",
    "x, y, 1 = 2", "[1] + x = 2", "x, [1] + y = 2", "x, *y, 1 = 2",
    "f() = g() = 1", "(a, 1) = 2", "x, (a, 1) = 2", "a.b = c, 1 = 2",
    "x, (1) = 2", "x, -1 = 2", "x, not y = 1", "a = b = c, 1 = 2",
    "[x, f()] = 1", "x, None = 1, 2", "a, *1 = 3", "x, lambda: 1 = 1",
    "x, a < b = 1", "a, {} = 1", "x, ... = 1", "a, b = c, d = 1",
]
for src in cases:
    try:
        compile(src, "<t>", "exec")
        print("ok:", src)
    except SyntaxError as e:
        print(f"{src!r:22} -> {e.msg} ({e.offset}-{e.end_offset})")
