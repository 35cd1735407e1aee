d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0))
print(d.setdefault("c", 3), d.setdefault("a", 99), d)
print(d.pop("b"), d.pop("missing", "default"), d)
d.update({"x": 10}, y=20)
d.update([("z", 30)])
print(d)
print(d.popitem(), d)
e = d.copy()
e["a"] = "changed"
print(d["a"], e["a"])
d.clear()
print(d, dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))
