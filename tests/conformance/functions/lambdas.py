square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print(list(map(lambda x: x + 1, [1, 2])), list(filter(lambda x: x % 2, range(6))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_sq = compose(square, lambda x: x + 1)
print(inc_then_sq(3))
print(square.__name__, (lambda *a, **k: (a, k))(1, z=2))
ops = {"+": lambda a, b: a + b, "*": lambda a, b: a * b}
print(ops["+"](2, 3), ops["*"](2, 3))
