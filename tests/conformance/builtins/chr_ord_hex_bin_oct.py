print(chr(65), chr(97), chr(8364), chr(0x1F40D), ord("A"), ord("€"), ord("\n"))
print([chr(i) for i in range(ord("a"), ord("f"))])
print(hex(255), hex(-1), bin(10), bin(-10), oct(64), oct(-8))
try:
    chr(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    chr(0x110000)
except ValueError as e:
    print(type(e).__name__, e)
try:
    ord("ab")
except TypeError as e:
    print(type(e).__name__, e)
try:
    hex(1.5)
except TypeError as e:
    print(type(e).__name__, e)
