total = 0
for i in range(3_000_000):
    if i & 1:
        total += i
print(total)
