a = [1, 2, 3, 4, 5, 6]
for x in a:
    if x % 2 == 0:
        a.remove(x)
print(a)
b = [1, 2, 2, 3, 2]
for x in b[:]:
    if x == 2:
        b.remove(x)
print(b)
c = [1, 2, 3]
for i, x in enumerate(c):
    c[i] = x * 10
print(c)
d = [0]
for x in d:
    if x < 5:
        d.append(x + 1)
print(d)
