s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.rfind("the"), s.find("cat"), s.find("the", 1), s.find("o", 10, 20))
print(s.index("quick"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""))
print(s.startswith("the"), s.endswith("dog"), s.startswith(("a", "t")), s.endswith("og", 0, 10))
try:
    s.index("cat")
except ValueError as e:
    print(type(e).__name__, e)
try:
    s.rindex("cat")
except ValueError as e:
    print(type(e).__name__, e)
print("aaa".count("aa"), "abc".find(""), "abc".rfind(""))
