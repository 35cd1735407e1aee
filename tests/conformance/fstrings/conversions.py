s = "it's"
print(f"{s}", f"{s!r}", f"{s!s}", f"{'é'!a}")
print(f"{[s]!s}", f"{[s]!r}")
class C:
    def __str__(self):
        return "str-form"
    def __repr__(self):
        return "repr-form"
c = C()
print(f"{c} {c!r} {c!s} {[c]}")
print(f"{c!r:>12}|{c!s:<10}|")
