for n in (0, 1, 10, 255, -255, 2 ** 40):
    print(n, hex(n), bin(n), oct(n))
print(format(255, "x"), format(255, "#X"), format(5, "08b"), format(8, "o"))
print(int(hex(123456), 16), int(bin(99), 2), int(oct(77), 8))
