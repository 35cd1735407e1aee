values = [0, 1, -1, 0.0, "", "0", " ", [], [0], (), {}, None, True, False, set(), range(0)]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
print(0 or "default", "" or [] or 0, "a" and "b", 0 and 1 / 0, 5 or 1 / 0)
print(None or False, [] and "x", not [], not "x", (1 and 2) or 3)
x = None
name = x or "anonymous"
print(name, 3 and 0 or "fallback", 1 if [] else 2)
