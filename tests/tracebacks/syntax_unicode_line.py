name = "café"
print(name +)
