print(float("1_0.5"), float("3.14"), float("  -2.5  "), float("1e3"), float("-1E-3"))
print(float(".5"), float("5."), float("+inf"), float("-nan"), float("infinity"))
print(float(7), float(True), float("0x10" if False else "16"))
for bad in ("abc", "", "1.2.3", "1_", "_1", "1,5", "--1"):
    try:
        float(bad)
    except ValueError as e:
        print(type(e).__name__, e)
