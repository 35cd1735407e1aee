def check(x):
    assert x > 0, f"x must be positive, got {x}"
    return x
print(check(5))
try:
    check(-1)
except AssertionError as e:
    print(type(e).__name__, e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print(type(e).__name__, repr(str(e)), e.args)
try:
    assert [], "empty list is falsy"
except AssertionError as e:
    print(e)
