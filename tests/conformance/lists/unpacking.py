a, b, c = [1, 2, 3]
print(a, b, c)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
x, *y = [1]
print(x, y)
(p, q), r = [1, 2], 3
print(p, q, r)
a, b = b, a
print(a, b)
for i, (k, v) in enumerate([("a", 1), ("b", 2)]):
    print(i, k, v)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print(type(e).__name__, e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print(type(e).__name__, e)
print([*range(3), *"ab", *[None]])
