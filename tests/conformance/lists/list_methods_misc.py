a = [5, 3, 8]
a.reverse()
print(a, a.reverse(), a)
b = a.copy()
a.clear()
print(a, b, len(a))
print(list(), list("abc"), list(range(3)), list((1, 2)), list({"k": 1}))
a += "xy"
print(a)
a += (1, 2)
print(a)
print(sum([[1], [2, 3]], []), [x for x in reversed([1, 2, 3])])
print(max([3, 7, 2]), min(["b", "a"]), 3 in [1, 2, 3], 4 not in [1, 2, 3])
