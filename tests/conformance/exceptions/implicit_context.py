try:
    try:
        raise KeyError("first")
    except KeyError:
        raise TypeError("second")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
try:
    try:
        raise ValueError("a")
    except ValueError as inner:
        saved = inner
    raise RuntimeError("b")
except RuntimeError as e:
    print(repr(e), e.__context__)
