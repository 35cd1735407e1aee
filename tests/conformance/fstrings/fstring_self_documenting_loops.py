for i in range(3):
    sq = i * i
    print(f"{i=} {sq=} {i ** 3 = }")
data = {"a": 1, "b": 2}
for k, v in data.items():
    print(f"{k!r:>5} -> {v:<3}|")
