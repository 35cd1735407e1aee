items = ["a", "b", "c"]
print(f"{'\n'.join(items)}")
print(f"{'\t'.join(items)}")
print(f"{  # a comment inside
    len(items)
}")
print(f"{'\\'}", "skip")
print(f"tab\tand newline\\n")
