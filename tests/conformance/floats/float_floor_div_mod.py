for a in (7.5, -7.5):
    for b in (2.0, -2.0):
        print(a, b, a // b, a % b, divmod(a, b))
print(5 // 0.3, 5 % 0.3)
print(-1 % 0.3, 1e-20 % 1.0, -1e-20 % 1.0)
print(7 // 2.0, -7 // 2.0, 7.0 % 3, -7.0 % 3)
print(3.0 % float("inf"), -3.0 % float("inf"))
