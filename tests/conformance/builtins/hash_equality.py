print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(False) == hash(0.0))
print(hash("abc") == hash("abc"), hash("abc") == hash("ab" + "c"))
print(hash((1, "a")) == hash((1, "a")), hash(frozenset({1, 2})) == hash(frozenset({2, 1})))
print(hash(42), hash(-1) == hash(-2), hash(10 ** 30) == hash(10 ** 30))
for v in [[1], {1: 2}, {1}, bytearray(b"x")]:
    try:
        hash(v)
    except TypeError as e:
        print(type(e).__name__, e)
print(type(hash("x")).__name__)
