# CPython's messages for what complex numbers do not support.
def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

z = 1 + 2j
attempt("div", lambda: z / 0)
attempt("rdiv", lambda: 1 / 0j)
attempt("floordiv", lambda: z // 2)
attempt("mod", lambda: z % 2)
attempt("divmod", lambda: divmod(z, 2))
attempt("pow0", lambda: 0j ** -1)
attempt("pow0c", lambda: 0 ** 1j)
attempt("powmod", lambda: pow(z, 2, 3))
attempt("overflow", lambda: (1e200 + 1e200j) ** 2.5)
attempt("absbig", lambda: abs(complex(1e308, 1e308)))
attempt("invert", lambda: ~z)
attempt("int", lambda: int(z))
attempt("float", lambda: float(z))
attempt("round", lambda: round(z))
attempt("bigint", lambda: 10 ** 400 + 1j)
attempt("shift", lambda: z << 1)
attempt("fmt-f", lambda: "%f" % z)
attempt("fmt-d", lambda: "%d" % z)
import math
attempt("sqrt", lambda: math.sqrt(1j))
attempt("divmod-str", lambda: divmod("a", 1))
attempt("index", lambda: [1, 2][1j])
z / 0
