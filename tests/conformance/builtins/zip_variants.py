print(list(zip([1, 2, 3], "ab")))
print(list(zip()), list(zip([1])), list(zip(*[(1, "a"), (2, "b")])))
print(dict(zip("abc", range(3))))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(type(e).__name__, e)
print(list(zip([1, 2], [3, 4], strict=True)))
z = zip([1, 2], [3, 4])
print(next(z), list(z), list(z))
