words = "the quick brown the lazy the quick end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(freq)
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(by_len)
first_letter = {}
for w in sorted(set(words)):
    first_letter.setdefault(w[0], []).append(w)
print(first_letter)
