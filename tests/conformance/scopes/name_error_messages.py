try:
    print(undefined)
except NameError as e:
    print(type(e).__name__, e)
try:
    del never_defined
except NameError as e:
    print(type(e).__name__, e)
def f():
    return missing_global
try:
    f()
except NameError as e:
    print(type(e).__name__, e)
v = 1
del v
try:
    v
except NameError as e:
    print(type(e).__name__, e)
def g():
    z = 1
    del z
    return z
try:
    g()
except UnboundLocalError as e:
    print(type(e).__name__, e)
