a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c))
print(None is None, type(None)() is None)
x = 256
y = 256
print(x == y, (x is y) == (x is y))
print([] is not [], () == ())
