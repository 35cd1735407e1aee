# Equality across int/float/complex, hashes equal to the real part's,
# complex as dict keys and in sets.
print(1 + 0j == 1, 1 + 0j == 1.0, 1j == 1, 2j == 2j, 1j != 1j, 1j == "1j")
print(complex(2**53 + 1) == 2**53 + 1, complex(2**53) == 2**53)
print(hash(1 + 2j), hash(complex(3, 0)) == hash(3), hash(complex(0.5)) == hash(0.5))
print(hash(complex(-1, 0)), hash(complex(0, -1)), hash(0j))
d = {1: "one", 2.5: "two and a half"}
print(d[1 + 0j], d[complex(2.5, 0)], 1j in d)
s = {1, 1.0, 1 + 0j, 2j, 2j}
print(len(s), 2j in s)
print([x for x in [1j, 2, 3j, 4.0] if isinstance(x, complex)])
print(isinstance(1j, complex), isinstance(1, complex), type(1j) is complex)
print(complex.__name__, type(2j).__name__, (1j).__class__)
for a, b in [(1j, 2j), (1j, 2), (2, 1j)]:
    try:
        print(a < b)
    except TypeError as e:
        print("TypeError:", e)
try:
    sorted([2j, 1j])
except TypeError as e:
    print("TypeError:", e)
print(max([1j, 2j], key=abs))
