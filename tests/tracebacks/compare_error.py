values = [3, "4", 5]
print(max(values))
