texts = ["hello", "café", "日本", "🎉", ""]
for t in texts:
    enc = t.encode("utf-8")
    print(repr(t), enc, len(t), len(enc), enc.decode("utf-8") == t)
print("abc".encode("utf-16-le"), "A".encode("utf-32-be"), "é".encode("latin-1").hex())
print(b"caf\xc3\xa9".decode(), bytes.fromhex("e6 97 a5").decode())
print(b"abc" in b"xxabcxx", b"abc".index(b"c"), memoryview(b"abc")[1], bytes(memoryview(b"xy")))
