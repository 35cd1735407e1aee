try:
    print(f"{1:d}" + f"{'x':d}")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f"{3.5:d}")
except ValueError as e:
    print(type(e).__name__, e)
try:
    print(f"{undefined_name}")
except NameError as e:
    print(type(e).__name__, e)
try:
    print(f"{[1][5]}")
except IndexError as e:
    print(type(e).__name__, e)
for src in ['f"{x!z}"', 'f"{"', 'f"}"', 'f"{x!}"']:
    try:
        compile(src, "<f>", "eval")
    except SyntaxError as e:
        print(type(e).__name__, e.msg)
