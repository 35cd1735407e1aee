print(2 ** 10, 2 ** 0, 0 ** 0, (-2) ** 3, -2 ** 2)
print(2 ** -1, 10 ** -2, (-8) ** 2)
print(pow(2, 10), pow(2, 10, 1000), pow(3, 200, 13))
print(pow(-3, 3, 7), pow(3, -1, 7), pow(38, -1, 97))
print(pow(7, 0, 1), pow(12345678901234567890, 98765, 1000000007))
print(2 ** 3 ** 2, (2 ** 3) ** 2)
try:
    pow(2, -1, 4)
except ValueError as e:
    print(type(e).__name__, e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print(type(e).__name__, e)
