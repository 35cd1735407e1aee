for v in (float("inf"), float("-inf"), float("nan")):
    try:
        print(int(v))
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
print(int(1e18), int(1.9999999999999999), int(-0.9))
print(int(123456789.9), int(1e300) == 10 ** 300, int(1e23))
