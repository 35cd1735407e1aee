import math
print(math.sqrt(81), math.isqrt(80), math.pi, math.e)
print(math.floor(2.7), math.ceil(2.1), math.trunc(-2.7), math.fabs(-3))
print(math.factorial(10), math.comb(52, 5), math.perm(4), math.gcd(12, 18, 30))
print(math.log(100, 10), math.log2(8), math.log10(0.001), math.exp(1) == math.e)
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0, 1e-12, abs_tol=1e-9))
print(math.inf > 1e308, math.isnan(math.nan), -math.inf)
print(math.copysign(3, -0.0), math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.sumprod([1, 2, 3], [4, 5, 6]), math.fsum([0.1] * 10), math.sqrt(6.25))
try:
    math.factorial(-1)
except ValueError as e:
    print(type(e).__name__, e)
