a = 1
b = "x"
print(a +   b)
