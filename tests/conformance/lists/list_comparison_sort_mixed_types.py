try:
    sorted([1, "a", 2])
except TypeError as e:
    print(type(e).__name__, e)
try:
    [1, 2] < [1, "x"]
except TypeError as e:
    print(type(e).__name__, e)
print(sorted([True, 0, 2.5, -1, False]))
print(sorted([[2, 1], [1, 9], [1, 2, 3], []]))
print(sorted(["10", "9", "100"]), sorted(["10", "9", "100"], key=int))
