s = "hello"
for spec in ["", "s", "10", "<10", ">10", "^10", "*^11", "-<8", ".3", "10.2", "^3", "0>8", "=^9"]:
    print(repr(spec), "->", repr(format(s, spec)))
print(repr(format("", "*^4")), repr(format("é", "^5")))
try:
    format("x", "d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format("x", "+")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format("x", ",")
except ValueError as e:
    print(type(e).__name__, e)
