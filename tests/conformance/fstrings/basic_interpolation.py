name = "World"
n = 42
print(f"Hello, {name}!")
print(f"{n} squared is {n * n}")
print(F"upper F {name.upper()}")
print(f"{'inline string'}", f"{n + 1 = }")
print(f"{{escaped}} {{{n}}}")
print(f"")
print(f"{[1, 2, 3]} {(1, 'a')} {{'k': 1}}")
print(f"{None} {True} {3.0} {1e20}")
