a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a, a << 3, a >> 2)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(~0, ~-1, ~255)
print(-8 >> 1, -1 >> 10, -9 >> 2)
print(1 << 100)
print((1 << 100) >> 98)
print(-5 & 0xFF, -1 & 0xFFFF, -5 | 2, -5 ^ 3)
print((255).bit_length(), (256).bit_length(), (0).bit_length(), (-255).bit_length())
print((0b1011).bit_count(), (-7).bit_count())
try:
    1 << -1
except ValueError as e:
    print(type(e).__name__, e)
