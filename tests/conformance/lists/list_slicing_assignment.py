a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[:0] = [-1]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[1:3] = []
print(a)
del a[::3]
print(a)
a[len(a):] = [99, 98]
print(a)
try:
    a[::2] = [1]
except ValueError as e:
    print(type(e).__name__, e)
b = a[:]
b[0] = "copy"
print(a[0], b[0])
