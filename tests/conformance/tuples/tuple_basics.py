t = (1, "two", 3.0)
print(t, len(t), t[1], t[-1], t[::-1], t[1:])
print((1,), (), tuple(), tuple([1, 2]), tuple("ab"))
single = 5,
print(single, type(single).__name__)
print(t + (4,), t * 2, 3.0 in t, t.count(1), t.index("two"))
print((1, 2) == (1, 2), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,))
