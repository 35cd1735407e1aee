import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(17), math.hypot(3, 4))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0))
print(math.pow(2, 10), math.fabs(-2), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.floor(-0.5), math.ceil(-0.5), math.fmod(-7, 3))
print(math.prod([1, 2, 3, 4]), math.dist((0, 0), (3, 4)), math.degrees(math.pi), math.radians(180))
try:
    math.sqrt(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    math.log(0)
except ValueError as e:
    print(type(e).__name__, e)
