print(format(3.14159, ".2f"), format(42, "05d"), format("x", "^5"), format(255, "b"))
print(format(1234567, ","), format(0.5, "%"), format(12, ""), format(True), format(None))
print(repr(format(-1.5, "+.3e")), format(10, "#o"), format([1, 2]))
try:
    format([1], "d")
except TypeError as e:
    print(type(e).__name__, e)
