m = memoryview(b"abc")
print(m[1], bytes(m), bytes(memoryview(b"xy")), len(m), m.tolist(), m[1:].tobytes(), list(m), m == b"abc", m.nbytes, m.readonly, m.obj)
print(type(m).__name__, bytes(m[0:2]), memoryview(bytearray(b"q"))[0])
