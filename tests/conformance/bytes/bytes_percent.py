# bytes % args (PEP 461): %s/%b take bytes-like objects or __bytes__,
# %r/%a give ascii(), numbers as for str, %c takes an int or one byte.
print(b"%s|%b|%r|%a" % (b"x", b"y", b"z", "\xe9"))
print(b"%s" % memoryview(b"mv"), b"%s" % bytearray(b"ba"), b"%s" % b"")
print(b"%5s|%-5s|%.1s|%.2s" % (b"ab", b"cd", b"ef", b"ghi"))
print(b"%d %i %u %x %X %o %#x %#o %+d % d %05d" % (1, -2, 3, 255, 255, 8, 255, 8, 4, 5, -6))
print(b"%c%c|%5c|%-5c|" % (65, b"B", 67, 68))
print(b"%f %.2e %g %G %E" % (1.5, 12345.678, 0.0001, 1e20, 3.0))
print(b"%(a)s-%(b)d" % {b"a": b"A", b"b": 2}, b"%(x)b" % {b"x": bytearray(b"X")})
print(b"%%|%s" % b"a", b"%d%%" % 50, b"%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print(b"abc" % (), b"abc" % {}, b"abc" % [], b"%r" % [1, "\xe9"], b"%a" % b"\xff")
print(b"\xff%s" % b"\xfe", b"%d" % True, b"%d" % 1.5, b"%d" % 2**70, b"%10.3f|" % 2.5)

class B:
    def __bytes__(self):
        return b"BYTES"

print(b"%s|%b" % (B(), B()))
print(bytearray(b"%d-%s") % (5, b"x"), bytes.__mod__(b"%03d", 7))
