total = 0
for _ in range(20):
    squares = [x * x for x in range(50_000) if x % 3]
    evens = {x: x // 2 for x in range(20_000) if x % 2 == 0}
    total += len(squares) + len(evens) + sum(x for x in range(20_000))
print(total)
