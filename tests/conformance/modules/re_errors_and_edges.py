import re
for p in ["a(b", "a)b", "*a", "a**", "[abc", r"\q", "a{3,2}", r"(?P<n>a)(?P<n>b)", r"(?P=zz)", r"\3", "[z-a]", "(?<=a+)b", "(?P<1a>x)", "a|*", "(?z)", "x{2}{3}", "+", "(?", "abc)"]:
    try:
        re.compile(p)
        print("ok", p)
    except re.error as e:
        print(type(e).__name__, "|", e, "|", e.msg, e.pos)
for t in [r"\9", r"\g<x>", r"\q", "\\"]:
    try:
        print(re.sub("(a)", t, "a"))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
try:
    re.search("a", b"a")
except TypeError as e:
    print(e)
try:
    re.sub("a", lambda m: 1, "a")
except TypeError as e:
    print(e)
m = re.match("(a)(b)?", "a")
print(m.group(2), m.groups("-"), m.start(2), m.span(2))
try:
    m.group(3)
except IndexError as e:
    print(e)
s = "ab" * 50000
print(len(re.findall(r"a", s)), re.search(r"(ab)+$", s).span(), len(re.sub(r"b", "", s)))
print(re.match(r".*x", "a" * 100000))
