values = [1, 2, 3]
idx = 10
print(values[idx])  # out of range
