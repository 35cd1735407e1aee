d = {"b": 2, "a": 1}
d["c"] = 3
print(d, len(d), d["a"], "b" in d, 2 in d)
d["b"] = 20
print(d)
del d["a"]
print(d)
d["a"] = 1
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(dict(), dict(x=1, y=2), dict([("k", "v"), ("n", 0)]), dict({"z": 1}, w=2))
