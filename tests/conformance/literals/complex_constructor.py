# complex(): numbers, strings (with parentheses, j-only and sign-only
# forms, underscores), complex arguments, __complex__/__float__/__index__.
print(complex(), complex(1), complex(1, 2), complex(1.5, -2.5), complex(True))
print(complex(real=1, imag=2), complex(imag=3), complex(-0.0))
print(complex(1j), complex(1j, 1j), complex(1 + 2j, 3))
for s in ["1+2j", " (1+2j) ", "j", "-j", "+J", "1e3-2.5e-1J", "inf", "-nanj",
          "1_000+2_0j", "1.e3+.5j", "1e1_0j", "infinityj", "1+infj", "1-j", "3.5"]:
    print(repr(s), complex(s))

class C:
    def __complex__(self):
        return 1 + 2j

class F:
    def __float__(self):
        return 2.5

class I:
    def __index__(self):
        return 7

print(complex(C()), complex(F()), complex(I()), complex(1, F()))
for args in [("1__0",), ("abc",), ("",), ("1 +2j",), ("(1+2j",), ("1+2",), ("1j+2",),
             ("1", 2), (1, "2"), (None,), (b"1",), ([1],), (1, [1]), (1, C())]:
    try:
        print(complex(*args))
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    complex(1, 2, 3)
except TypeError as e:
    print(e)
