s = "hello"
try:
    s[0] = "H"
except TypeError as e:
    print(type(e).__name__, e)
try:
    del s[0]
except TypeError as e:
    print(type(e).__name__, e)
t = s
s += " world"
print(s, t)
print("H" + s[1:])
try:
    s.foo()
except AttributeError as e:
    print(type(e).__name__, e)
try:
    len(5)
except TypeError as e:
    print(type(e).__name__, e)
