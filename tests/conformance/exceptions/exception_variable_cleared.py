try:
    raise ValueError("temp")
except ValueError as e:
    msg = str(e)
print(msg)
try:
    e
except NameError as err:
    print(type(err).__name__, err)
e = "preexisting"
try:
    raise KeyError("x")
except KeyError as e:
    pass
print("e" in dir())
