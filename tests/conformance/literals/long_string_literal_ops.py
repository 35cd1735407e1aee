s = "abc" * 3
print(s)
print("=" * 20)
print("-" * 0 + "|")
print([0] * 5, (1, 2) * 2)
print("ab" "cd" * 2)
