b = b"  Hello, World  "
print(b.strip(), b.lstrip(), b.rstrip(), b.lower(), b.swapcase())
print(b.strip().split(b", "), b", ".join([b"a", b"b"]), b.count(b"l"))
print(b"abc".startswith(b"a"), b"abc".endswith(b"bc"), b"123".isdigit(), b"ab".isalpha())
print(b"a,b,c".partition(b","), b"x".center(5, b"*"), b"7".zfill(3))
print(b"%d-%s" % (5, b"x"), b"hello"[1:4].upper())
