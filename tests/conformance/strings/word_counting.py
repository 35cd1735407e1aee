text = """the cat sat on the mat
the dog sat on the log
and that was that"""
counts = {}
for word in text.split():
    counts[word] = counts.get(word, 0) + 1
for word in sorted(counts, key=lambda w: (-counts[w], w)):
    print(f"{word:>5}: {'#' * counts[word]} {counts[word]}")
print(len(text.splitlines()), len(text.split()), len(set(text.split())))
