for x in (0.5, 1.5, 2.5, 3.5, -0.5, -1.5, 4.5, 5.5):
    print(x, round(x), type(round(x)).__name__)
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(1234.5678, -2), round(-1234.5678, 1))
print(round(1e20), round(2.5, 0), round(-2.5, 0))
print(round(0.1, 20), round(123.456, -5))
try:
    round(float("inf"))
except OverflowError as e:
    print(type(e).__name__, e)
try:
    round(float("nan"))
except ValueError as e:
    print(type(e).__name__, e)
