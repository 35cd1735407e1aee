try:
    try:
        raise ValueError("bad value")
    except ValueError as e:
        e.add_note("while parsing line 3")
        e.add_note("file: config.ini")
        raise
except ValueError as e:
    print(e, e.__notes__)
e = TypeError("t")
print(hasattr(e, "__notes__"))
try:
    e.add_note(42)
except TypeError as err:
    print(type(err).__name__, err)
