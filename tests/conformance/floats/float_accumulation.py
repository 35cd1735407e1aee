total = 0.0
for i in range(10):
    total += 0.1
    print(i, total)
print(total == 1.0, round(total, 10) == 1.0)
x = 1.0
for _ in range(5):
    x /= 3
    print(x)
