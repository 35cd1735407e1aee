s = {3, 1, 2, 3, 1}
print(s, len(s), 2 in s, 5 not in s)
s.add(4)
s.add(1)
print(s)
s.discard(10)
s.remove(3)
print(s)
try:
    s.remove(99)
except KeyError as e:
    print(type(e).__name__, e)
print(set(), set([5, 5, 6]), set(range(4)), type({1}).__name__, type({}).__name__)
