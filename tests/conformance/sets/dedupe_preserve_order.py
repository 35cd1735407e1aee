data = [3, 1, 3, 2, 1, 5, 2]
seen = set()
out = []
for x in data:
    if x not in seen:
        seen.add(x)
        out.append(x)
print(out)
print(list(dict.fromkeys(data)))
print(sorted(set(data)), len(set(data)) == len(data))
names = ["bob", "Ann", "bob", "ann", "Cid"]
print(list(dict.fromkeys(n.lower() for n in names)))
