try:
    [1 / x for x in [1, 0, 2]]
except ZeroDivisionError as e:
    print(type(e).__name__, e)
try:
    print([undefined_var for _ in range(1)])
except NameError as e:
    print(type(e).__name__, e)
try:
    {[1]: 2 for _ in range(1)}
except TypeError as e:
    print(type(e).__name__, e)
try:
    print([x for x in 5])
except TypeError as e:
    print(type(e).__name__, e)
print([x for x in []], {x: x for x in ()}, set(x for x in ""))
