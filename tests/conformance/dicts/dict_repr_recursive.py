d = {"a": 1}
d["self"] = d
print(d)
l = [1, 2]
l.append(l)
print(l)
nested = {"list": [l]}
print(nested)
