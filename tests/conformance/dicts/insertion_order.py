d = {}
for k in ["zeta", "alpha", "mid", "beta"]:
    d[k] = len(k)
print(d)
d["alpha"] = 100
print(list(d))
d.pop("zeta")
d["zeta"] = 0
print(list(d))
print({3: "c", 1: "a", 2: "b"}, {-1: 0, 10: 0, 5: 0})
print({True: "t", 1: "one", 1.0: "float"})
