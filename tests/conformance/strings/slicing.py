s = "Hello, World!"
print(s[0], s[-1], s[7], s[-6])
print(s[0:5], s[7:], s[:5], s[-6:-1], s[:])
print(s[::2], s[1::2], s[::-1], s[::-2])
print(s[5:2], repr(s[100:]), s[-100:3], s[2:-2:3])
print(s[10:2:-2], s[-1:-5:-1])
try:
    s[20]
except IndexError as e:
    print(type(e).__name__, e)
print(len(s), s[len(s) - 1])
