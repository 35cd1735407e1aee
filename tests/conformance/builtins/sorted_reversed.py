data = [5, 2, 9, 1, 5, 6]
print(sorted(data), sorted(data, reverse=True), data)
print(sorted("hello"), sorted({3: "c", 1: "a"}), sorted((2, 1)))
print(sorted(["b", "A", "c"], key=str.lower), sorted([-3, 2, -1], key=abs))
print(list(reversed(data)), list(reversed("abc")), list(reversed((1, 2))))
print(type(reversed([])).__name__)
try:
    reversed({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
try:
    sorted([1, 2], lambda x: x)
except TypeError as e:
    print(type(e).__name__, e)
