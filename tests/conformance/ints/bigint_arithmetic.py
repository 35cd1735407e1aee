a = 2 ** 100
print(a)
print(a * a)
print(a - 1, a + 1)
print(-a)
print(3 ** 50 - 2 ** 70)
print(123456789 * 987654321 * 111111111)
f = 1
for i in range(1, 31):
    f *= i
print("30! =", f)
print(len(str(2 ** 1000)))
print(10 ** 30 // 7, 10 ** 30 % 7)
