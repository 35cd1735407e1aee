parts = []
for i in range(300_000):
    parts.append(str(i))
s = ",".join(parts)
t = ""
for i in range(100_000):
    t += "x"
print(len(s), len(t), s[:20])
