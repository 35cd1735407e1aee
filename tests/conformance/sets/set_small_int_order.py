# Sets of small non-negative ints (smaller than the table size) print in
# ascending order in CPython; learners rely on this without knowing why.
print({5, 3, 1, 7, 0, 2})
print(set([4, 2, 0, 3, 2]))
s = set()
for i in [6, 4, 2, 0, 1, 3, 5]:
    s.add(i)
print(s)
print({1, 1.0, True}, {0, False, 0.0}, {True, 2})
s.discard(4)
print(s, list(s), sorted(s, reverse=True))
