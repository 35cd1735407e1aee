b = b"hello"
print(b, len(b), b[0], b[-1], b[1:3], b[::-1])
print(list(b), bytes([104, 105]), bytes(3), bytes("é", "utf-8"))
print(b + b" world", b * 2, b"ell" in b, 104 in b)
print(b.upper(), b.replace(b"l", b"L"), b.split(b"l"), b.find(b"l"))
print(b.decode(), b.decode("ascii"), "héllo".encode("utf-8"), "héllo".encode("latin-1"))
print(type(b).__name__, type(b[0]).__name__, b == b"hello", b == "hello")
