# repr/str of complex numbers: +0 real parts are left out, signed zeros,
# integral parts without ".0", exponents, inf and nan.
inf = float("inf")
nan = float("nan")
values = [
    1j, -1j, 0j, -0j, 2.5j, 1e16j, 1e-5j,
    complex(0, -1), complex(-0.0, 0), complex(-0.0, -0.0),
    complex(1.5, 0), complex(3, 4), complex(-3, -4),
    complex(1e16, 1e-5), complex(123456789.125, -0.1),
    complex(inf, -inf), complex(nan, nan), complex(0, nan), complex(-inf, 0),
]
for z in values:
    print(repr(z), str(z), z.real, z.imag)
print([1 + 2j, 3j], (1j,), {1j: 2j})
print(f"{1 + 2j}", f"{1 + 2j!r}", "%s %r" % (2j, -2j))
