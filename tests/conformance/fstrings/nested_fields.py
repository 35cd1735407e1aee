width, prec = 12, 3
value = 2 / 3
print(f"[{value:{width}.{prec}f}]")
print(f"[{value:>{width}}]")
print(f"[{'x':{'*'}^{width}}]")
for w in range(3, 7):
    print(f"{w:{w}}|")
align = "<"
print(f"[{'txt':{align}10}]")
