x = 1234.5678
for spec in ["", "f", ".2f", "10.2f", "<10.1f", "^12.3f", "010.2f", "+.1f", ",.2f", "_.3f", "e", ".3e", "E", "g", ".3g", "G", ".10g", "%", ".1%", "n", "F", "#.0f", ".0f", "12", ".0e", "#g"]:
    print(repr(spec), "->", repr(format(x, spec)))
for v in [0.0001, 1e-5, 123456789.0, 1e16, 0.5, 2.5, float("inf"), float("nan"), -0.0]:
    print(v, format(v, "g"), format(v, ".2f"), format(v, "e"), format(v, ""), format(v, ".3"))
print(format(float("inf"), "F"), format(float("nan"), "E"), format(1e300, ".2f")[:10])
