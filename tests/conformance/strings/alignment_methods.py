for w in ["a", "abc", "abcdef"]:
    print("[" + w.center(7) + "]", "[" + w.ljust(5, ".") + "]", "[" + w.rjust(5, "*") + "]", w.zfill(5))
print("-42".zfill(6), "+7".zfill(4), "abc".center(6, "*"), "abc".center(8, "-"))
print("a\tb\tc".expandtabs(), "a\tbc\td".expandtabs(4), "12345\t6".expandtabs(4))
