for v in [1, 1.0, "s", b"b", [1], (1,), {1: 2}, {1}, None, True, range(1), len, print]:
    print(type(v).__name__, type(v))
print(type(type), type(int), type(object))
print(repr(1), repr("a'b"), repr([None, "x"]), repr(len), repr(int), repr(type(None)))
print(type(5) == int, type(True) == int, type(True) is bool)
