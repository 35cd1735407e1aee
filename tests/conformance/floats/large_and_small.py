print(1.7976931348623157e308, 5e-324, 2.2250738585072014e-308)
print(1e300 * 1e10, 5e-324 / 2)
print(2.0 ** 100, 2.0 ** -30)
print(float(2 ** 53), float(2 ** 53 + 1), float(10 ** 25))
print(1e50, 1.5e-50, 12345e30)
print(123456789012345680000.0)
print(float(123456789), float(-1234567890123456789))
try:
    print(2.0 ** 10000)
except OverflowError as e:
    print(type(e).__name__)
try:
    float(10 ** 400)
except OverflowError as e:
    print(type(e).__name__, e)
