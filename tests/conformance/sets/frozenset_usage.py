fs = frozenset([3, 1, 2])
print(fs, len(fs), 1 in fs)
print(fs | {4}, type(fs | {4}).__name__, type({4} | fs).__name__)
d = {fs: "key"}
print(d[frozenset({1, 2, 3})])
print({frozenset({1}), frozenset({1})}, frozenset() == set())
try:
    fs.add(5)
except AttributeError as e:
    print(type(e).__name__, e)
print(frozenset(), repr(set()))
