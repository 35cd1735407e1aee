print(len("abc"), len([1, 2]), len({}), len(range(10)), len(range(0, 10, 3)), len(range(5, 0)))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)))
r = range(0, 20, 5)
print(r, r[1], r[-1], r[1:3], 15 in r, 16 in r, r.index(10), r.count(5))
print(range(3) == range(0, 3), list(reversed(range(4))))
print(list(enumerate("ab")), list(enumerate("ab", 10)))
for i, (a, b) in enumerate(zip("xy", "pq"), start=1):
    print(i, a, b)
try:
    range(1, 2, 0)
except ValueError as e:
    print(type(e).__name__, e)
try:
    range(1.5)
except TypeError as e:
    print(type(e).__name__, e)
