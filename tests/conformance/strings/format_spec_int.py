n = 1234567
for spec in ["d", "10d", "<10d", "^10d", ">10d", "010d", "+d", " d", "-d", ",", "_", "_x", "x", "X", "#x", "#X", "o", "#o", "b", "#b", "#010b", "*^15,", "=+12", "n", "e", ".2%", "c"]:
    try:
        print(repr(spec), "->", repr(format(n if spec != "c" else 9731, spec)))
    except ValueError as e:
        print(repr(spec), "->", type(e).__name__, e)
print(format(-42, "+05d"), format(-42, "=8"), format(-42, "08,d"), format(42, "+"))
print(format(0, "#x"), format(-255, "#x"), format(255, "_b"), format(10 ** 20, ","))
try:
    format(5, ".2d")
except ValueError as e:
    print(type(e).__name__, e)
try:
    format(5, "s")
except ValueError as e:
    print(type(e).__name__, e)
