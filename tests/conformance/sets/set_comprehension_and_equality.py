sq = {x * x for x in range(-3, 4)}
print(sorted(sq), len(sq))
print({1, 2, 3} == {3, 2, 1}, {1, 2} != {1, 2, 3}, set() == frozenset())
print(sorted({c.upper() for c in "hello world" if c.isalpha()}))
evens = {n for n in range(10) if n % 2 == 0}
print(evens, sorted(evens - {0}), min(evens), max(evens), sum(evens))
