a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b))
print(a.union([7], (8,)), a.intersection(range(3)))
print({1, 2} <= a, {1, 2} < a, a <= a, a < a, a >= {1}, a.issubset(range(10)), a.isdisjoint({9}))
c = set(a)
c |= {10}
c &= {1, 2, 10}
c -= {2}
c ^= {1, 11}
print(sorted(c), len(c))
