from itertools import count, cycle, repeat, islice
print(list(islice(count(), 5)), list(islice(count(10, 5), 4)), list(islice(count(1.5, 0.5), 3)))
print(list(islice(cycle("abc"), 8)))
print(list(repeat("x", 3)), list(islice(repeat(0), 4)))
print(list(map(pow, range(5), repeat(2))))
c = count(100)
print(next(c), next(c), c)
print(repeat(7, 2))
