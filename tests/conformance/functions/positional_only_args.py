def pos(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos(1, 2, 3, d=4))
print(pos(1, 2, c=3, d=4))
try:
    pos(1, b=2, c=3, d=4)
except TypeError as e:
    print(type(e).__name__, e)
def kw_collect(x, /, **kw):
    return x, kw
print(kw_collect(1, x=2))
try:
    len(obj=[1])
except TypeError as e:
    print(type(e).__name__, e)
