print(b"a" < b"b", b"abc" < b"abd", b"" < b"\x00", b"\xff" > b"\x00\x00")
print(sorted([b"b", b"a", b"ab", b""]))
print(b"abc" == bytearray(b"abc"), bytearray(b"x") + b"y", type(bytearray(b"x") + b"y").__name__)
print(hash(b"abc") == hash(b"abc"), {b"k": 1}[b"k"])
