# format() of complex numbers: no type (like str), e/f/g with precision,
# width/fill/alignment of the whole, signs, grouping, and the errors.
z = 1 + 2j
for spec in ["", ".2f", "g", ".3e", ">12", "*^14.3e", "+", "<10", "^11", "10",
             ",.2f", "#g", "z.1f", "E", "F", "n", ".0f", " "]:
    print(repr(spec), repr(format(z, spec)), repr(format(2j, spec)), repr(format(-1.5 - 0j, spec)))
print(f"{12345.678 + 2j:,.2f}", f"{-0.0 - 0j:z.1f}", f"{complex('inf') :f}", f"{complex('nan'):g}")
print(f"{1.5 + 0j:>12}|", f"{2j:10}|", f"{1 + 2j!r:>10}|")
for spec in ["010", "=10", "d", "%", "s", ",n", "0>8"]:
    try:
        print(format(z, spec))
    except ValueError as e:
        print("ValueError:", e)
