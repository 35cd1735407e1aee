tests = ["abc", "ABC", "123", "12.5", "abc123", "", " ", "  \t\n", "Hello World", "½", "٣", "a_b", "_x1"]
for t in tests:
    print(repr(t), t.isalpha(), t.isdigit(), t.isnumeric(), t.isdecimal(), t.isalnum(), t.isspace(), t.isidentifier(), t.isascii())
print("Abc".isprintable(), "a\nb".isprintable())
