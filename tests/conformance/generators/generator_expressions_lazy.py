def noisy(n):
    for i in range(n):
        print("  produce", i)
        yield i
squares = (x * x for x in noisy(3))
print("created")
print(next(squares))
print(sum(squares))
pairs = ((a, b) for a in range(2) for b in "xy")
print(list(pairs))
g = (c for c in "hi")
print(list(g), list(g))
print(sum(i for i in range(101)), max((len(w), w) for w in ["a", "ccc", "bb"]))
