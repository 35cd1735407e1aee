try:
    try:
        raise ValueError("first")
    except ValueError as e:
        first = e
        raise TypeError("second")
except TypeError as t:
    first.__context__ = t
    raise first
