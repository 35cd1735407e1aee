data = b"AZaz09"
for byte in data:
    print(byte, chr(byte), hex(byte))
print(sum(data), max(data), sorted(data))
print(bytes(x ^ 0x20 for x in b"Hello"))
print(int.from_bytes(b"\x00\x10", "big"), (4096).to_bytes(2, "big"))
