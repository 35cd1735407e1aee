z = 3 + 4j
print(z, z.real, z.imag, abs(z))
print(1j * 1j, (1 + 2j) * (3 - 1j))
print(complex(1, -1), complex(0, 0), -1j)
print(z == complex(3, 4), z.conjugate())
print(type(z).__name__, repr(2j))
