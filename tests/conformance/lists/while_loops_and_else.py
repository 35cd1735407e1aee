n = 10
steps = []
while n > 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps.append(n)
else:
    steps.append("done")
print(steps)
i = 0
while True:
    i += 1
    if i % 2:
        continue
    if i > 8:
        break
    print("even", i)
else:
    print("never: break skips else")
count = 0
while count < 3:
    count += 1
else:
    print("while else ran, count =", count)
