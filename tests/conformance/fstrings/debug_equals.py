x = 10
y = 3
print(f"{x=}")
print(f"{x = }")
print(f"{x + y = }")
print(f"{x/y=:.2f}")
print(f"{'hi'=}")
print(f"{x=!s} {y=!r}")
items = [1, 2]
print(f"{items=} {len(items)=}")
print(f"{x * 2 =   }")
