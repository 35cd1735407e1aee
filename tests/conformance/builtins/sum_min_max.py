print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.5, 0.25]), sum(range(101)))
print(min(3, 1, 2), max(3, 1, 2), min([4, 5]), max("abc"), min("b", "a", "c"))
print(max([], default="empty"), min([], default=None), max([1, 2], default=0))
print(max(["apple", "fig", "banana"], key=len), min(["apple", "fig", "banana"], key=len))
print(max([3, 5, 5, 1], key=lambda x: x % 5), max([(1, "b"), (1, "a")]))
print(max(2, 2.0), max(2.0, 2), min(True, 1))
for bad in [lambda: max([]), lambda: min(), lambda: sum(["a", "b"]), lambda: sum([[1]]), lambda: max(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
