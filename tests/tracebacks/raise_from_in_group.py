try:
    raise KeyError("k")
except KeyError as e:
    v = ValueError("inner")
    v.__cause__ = e
    raise ExceptionGroup("eg", [v])
