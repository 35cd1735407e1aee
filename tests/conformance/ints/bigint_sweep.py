# Big-int arithmetic over a deterministic sweep of sizes and signs: every
# operator, divmod with each sign pair, bitwise ops on negatives, shifts,
# conversions to float and str in several bases, bytes round trips.
import math

state = 12345
def rand_bits(bits):
    global state
    n = 0
    for _ in range(bits // 31 + 1):
        state = (state * 1103515245 + 12345) % 2**31
        n = (n << 31) | state
    return n >> (n.bit_length() - bits) if n.bit_length() > bits else n

values = [0, 1, -1, 2**32 - 1, 2**32, -2**32, 2**63, -2**63, 2**64 + 1, 10**30, -10**30]
for bits in (40, 65, 96, 130, 200, 333):
    for sign in (1, -1):
        values.append(sign * rand_bits(bits))

for i, a in enumerate(values):
    b = values[(i * 7 + 3) % len(values)]
    print(i, a + b, a - b, a * b)
    if b:
        print(" ", a // b, a % b, divmod(-a, b), a % -b if b else None)
        print(" ", a / b)
    print(" ", a & b, a | b, a ^ b, ~a)
    print(" ", a >> 5, a >> 64, a << 37, -a >> 100)
    print(" ", float(a), hex(a), oct(a), bin(a)[:60], format(a, ","))
    print(" ", a.bit_length(), a.bit_count(), abs(a) == abs(-a), a == float(a), a < float(a) + 1)
    n = (a.bit_length() + 8) // 8 + 1
    print(" ", int.from_bytes(a.to_bytes(n, "little", signed=True), "little", signed=True) == a,
          a.to_bytes(n, "big", signed=True).hex())
    m = abs(b) + 2
    print(" ", pow(a, 3), pow(a, 17, m), math.gcd(a, b), math.isqrt(abs(a)), round(a, -7))

print(pow(3, -1, 2**89 - 1), pow(-7, -3, 10**20 + 39))
print(math.factorial(60), math.comb(200, 97), math.lcm(2**70 - 1, 3**40))
print(int("-" + "9" * 80), int("z" * 40, 36), int("0x" + "f" * 30, 16), int("1_000_000_000_000_000_000_000"))
print(2**1023 * 2 - 1 > 1e308, float(2**1023 + 2**970), float(2**53 + 1), (2**64 + 1) / 3)
try:
    float(2**1024)
except OverflowError as e:
    print("OverflowError:", e)
print(hash(2**100) == hash(2**100 % (2**61 - 1)), hash(-2**70))
