s = "a,b,,c,d"
print(s.split(","))
print(s.split(",", 1), s.split(",", 2), s.split(",", 0), s.split(",", -1))
print(s.rsplit(",", 1), s.rsplit(",", 2))
print("  lots   of   space  ".split())
print("  lots   of   space  ".split(None, 1))
print("  lots   of   space  ".rsplit(None, 1))
print("".split(), "".split(","), "abc".split("abc"))
print("one\ntwo\r\nthree\n".splitlines(), "one\ntwo\n".splitlines(True))
print("a--b--c".split("--"), "x".split("x"))
try:
    "abc".split("")
except ValueError as e:
    print(type(e).__name__, e)
