ba = bytearray(b"abc")
print(ba, len(ba))
ba.append(100)
ba[0] = 65
ba.extend(b"ef")
print(ba)
del ba[1]
print(ba, bytes(ba), ba.pop(), ba)
ba += b"!!"
print(ba, ba.decode(), bytearray(3), bytearray([1, 2]))
try:
    ba[0] = 300
except ValueError as e:
    print(type(e).__name__, e)
