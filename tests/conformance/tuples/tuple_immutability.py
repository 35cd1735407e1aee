t = (1, [2, 3])
try:
    t[0] = 9
except TypeError as e:
    print(type(e).__name__, e)
t[1].append(4)
print(t)
try:
    t[1] += [5]
except TypeError as e:
    print(type(e).__name__, e)
print(t)
try:
    hash(t)
except TypeError as e:
    print(type(e).__name__, e)
print(hash((1, 2)) == hash((1, 2)))
try:
    (1, 2).append(3)
except AttributeError as e:
    print(type(e).__name__, e)
