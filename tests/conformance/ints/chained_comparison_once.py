def val(label, v):
    print("  eval", label)
    return v
print(val("a", 1) < val("b", 2) < val("c", 3))
print(val("a", 5) < val("b", 2) < val("c", 3))
print(val("a", 1) == val("b", 1) != val("c", 2))
x = 5
print(1 < x < 10, 10 > x > 1, 1 < x > 3, x == 5 > 4, 1 < 2 > 0 < 5)
print((1 < 2) < 3, 1 < (2 < 3), not 1 < 0)
print(0 < 0 == 0, 1 in [1] == True, (1 in [1]) == True)
