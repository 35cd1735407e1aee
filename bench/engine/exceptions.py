def risky(i):
    if i % 3 == 0:
        raise ValueError(i)
    return i
total = 0
for i in range(300_000):
    try:
        total += risky(i)
    except ValueError as e:
        total -= 1
    finally:
        total += 1
print(total)
