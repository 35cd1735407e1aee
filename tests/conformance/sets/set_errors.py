try:
    {[1, 2]}
except TypeError as e:
    print(type(e).__name__, e)
try:
    set().pop()
except KeyError as e:
    print(type(e).__name__, e)
try:
    {1} + {2}
except TypeError as e:
    print(type(e).__name__, e)
try:
    one = {1}
    one[0]
except TypeError as e:
    print(type(e).__name__, e)
s = {1, 2}
s.update([3], {4})
print(s, s.copy() == s, s.clear(), s)
