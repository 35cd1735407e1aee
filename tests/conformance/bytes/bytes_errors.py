try:
    b"abc"[0] = 1
except TypeError as e:
    print(type(e).__name__, e)
try:
    b"abc" + "def"
except TypeError as e:
    print(type(e).__name__, e)
try:
    bytes([256])
except ValueError as e:
    print(type(e).__name__, e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print(type(e).__name__, e)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(type(e).__name__, e)
print(b"\xff".decode("utf-8", "replace"), "é".encode("ascii", "ignore"), "é".encode("ascii", "replace"))
