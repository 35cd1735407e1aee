def f(a, b):
    return (a ** 2) // (b - b)  # integer division

print(f(3, 4))
