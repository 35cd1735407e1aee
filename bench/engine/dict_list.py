d = {}
for i in range(300_000):
    d[i % 1000] = d.get(i % 1000, 0) + i
words = ["w%d" % (i % 500) for i in range(200_000)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
lst = list(range(300_000))
lst.sort(reverse=True)
print(len(d), sum(d.values()), len(counts), lst[:3])
