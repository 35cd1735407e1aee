a = [1, 2, 3]
for op in ("a[3]", "a[-4]", "a.index(9)", "a.remove(9)", "[].pop()", "a.pop(10)", "a + (4,)", "a['x']", "a[1.0]"):
    try:
        print(eval(op))
    except (IndexError, ValueError, TypeError) as e:
        print(op, "->", type(e).__name__, e)
try:
    a[5] = 1
except IndexError as e:
    print(type(e).__name__, e)
