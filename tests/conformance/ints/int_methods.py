n = 1024
print(n.bit_length(), n.to_bytes(2, "big"), n.to_bytes(4, "little"))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff", "big", signed=True))
print((-1).to_bytes(2, "big", signed=True))
print((10).as_integer_ratio(), (7).is_integer(), (5).conjugate())
print((17).numerator, (17).denominator, (3).real, (3).imag)
print(abs(-12), abs(10 ** 20 * -1))
