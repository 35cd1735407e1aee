# bytes() and bytearray() take a str only with an encoding, an encoding
# only with a str, a count, a buffer or an iterable of ints in range(256).
def show(make, *args, **kwargs):
    try:
        print(make.__name__, repr(make(*args, **kwargs)))
    except Exception as e:
        print(make.__name__, type(e).__name__, e)

for make in (bytes, bytearray):
    show(make)
    show(make, "abc")
    show(make, "abc", "utf-8")
    show(make, "é", "latin-1")
    show(make, "é", "ascii", "replace")
    show(make, "é", "ascii")
    show(make, b"x", "utf-8")
    show(make, 3)
    show(make, True)
    show(make, -1)
    show(make, [1, 2, 255])
    show(make, [256])
    show(make, ["a"])
    show(make, range(3))
    show(make, (i for i in (65, 66)))
    show(make, bytearray(b"ba"))
    show(make, 1.5)
    show(make, None)
    show(make, source="hi", encoding="utf-8")
    show(make, encoding="utf-8")
    show(make, errors="strict")
    show(make, 5, errors="strict")
