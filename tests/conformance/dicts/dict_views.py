d = {"a": 1, "b": 2, "c": 3}
keys, vals, items = d.keys(), d.values(), d.items()
print(keys, vals, items)
d["d"] = 4
print(keys, len(vals), ("d", 4) in items, "a" in keys, 4 in vals)
print(sorted(keys & {"a", "z"}), sorted(keys | {"z"}), sorted(keys - {"a"}), sorted(keys ^ {"a", "q"}))
print(list(reversed(d)), list(reversed(d.items())))
try:
    for k in d:
        d[k + "x"] = 0
except RuntimeError as e:
    print(type(e).__name__, e)
