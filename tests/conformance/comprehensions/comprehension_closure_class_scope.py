def make():
    k = 10
    return [lambda: k + i for i in range(2)]
print([f() for f in make()])
class A:
    base = 5
    try:
        items = [base + i for i in range(2)]
    except NameError as e:
        items = str(e)
print(A.items)
class B:
    base = 5
    items = [i for i in range(base)]
print(B.items)
