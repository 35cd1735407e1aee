def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 16)])
print(collatz(27), collatz(97))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(48, 18), gcd(2 ** 40, 6 ** 20), gcd(17, 5))
import math
print(math.gcd(48, 18), math.lcm(4, 6), math.gcd(0, 0), math.gcd(-12, 18))
