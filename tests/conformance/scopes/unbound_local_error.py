x = 10
def broken():
    print(x)
    x = 5
try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e)
    print(isinstance(e, NameError))
def counter():
    n = 0
    def inc():
        n += 1
        return n
    return inc
try:
    counter()()
except UnboundLocalError as e:
    print(type(e).__name__, e)
def conditional(flag):
    if flag:
        y = 1
    return y
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print(type(e).__name__, e)
