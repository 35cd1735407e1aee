s = "ab"
print(s * 3, 3 * s, s * 0 == "", s * -1 == "")
for i, ch in enumerate("xyz"):
    print(i, ch)
print(list("hello"), tuple("hi"), set("aaa"))
print([c for c in "a1b2" if c.isdigit()])
it = iter("ok")
print(next(it), next(it), next(it, "done"))
