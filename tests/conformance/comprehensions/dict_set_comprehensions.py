words = ["apple", "bob", "kiwi", "banana"]
print({w: len(w) for w in words})
print({len(w): w for w in words})
print({w[0]: w for w in words if len(w) > 3})
print({x % 5 for x in range(20)})
print(sorted({w[-1] for w in words}))
print({k: v for k, v in zip("abc", range(3))})
print({(i, j): i * j for i in range(2) for j in range(2)})
