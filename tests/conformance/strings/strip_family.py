s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "abcHELLOcba".strip("abc"), "www.example.com".strip("cmowz."))
print("--==text==--".lstrip("-="), "--==text==--".rstrip("=-"))
print(repr("".strip()), repr("   ".strip()))
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
