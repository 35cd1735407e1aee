a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b)
print(b | a)
c = dict(a)
c |= b
print(c)
print({**a, **b}, {**b, "w": 0, **a})
try:
    a | [("q", 1)]
except TypeError as e:
    print(type(e).__name__, e)
c |= [("q", 1)]
print(c)
