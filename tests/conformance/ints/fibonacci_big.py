a, b = 0, 1
for i in range(200):
    a, b = b, a + b
print(a)
print(len(str(a)), a % 1000000007)
fibs = [0, 1]
while len(fibs) < 20:
    fibs.append(fibs[-1] + fibs[-2])
print(fibs)
