# Arithmetic with int, float and complex operands (CPython 3.13 converts
# the real operand to complex first), unary operators, pow.
z = 3 + 4j
w = 1 - 2j
print(z + w, z - w, z * w, z / w)
print(z + 1, 1 + z, z - 1, 1 - z, z * 2, 2 * z, z / 2, 2 / z)
print(z + 0.5, 0.5 - z, z * 1.5, 1.5 / z)
print(-z, +z, -(0j), z + True)
print(1j * 1j, 1j * 2.0, -1j * 1, 1e300j * 1e300j)
print(z ** 2, z ** -2, z ** 0, z ** 0.5, z ** w, 2 ** 1j, 0j ** 0, 0j ** 2.5)
print((1 + 1j) ** 100, (1 + 1j) ** 101 == (1 + 1j) ** 101, (2j) ** -3)
print((-8) ** (1 / 3), (-8.0) ** 0.5, (-1) ** 0.5)
print(abs(z), abs(-5j), abs(complex(float("inf"), float("nan"))))
print(z.conjugate(), z.real, z.imag, type(z.real).__name__)
print(sum([1j, 2, 3.5]), sum([z, w], 0j))
print(bool(0j), bool(1j), bool(complex(0, -0.0)), not z)
print(pow(z, 2), pow(2, z))
acc = 1 + 0j
for _ in range(5):
    acc = acc * (0.5 + 0.5j)
print(acc)
