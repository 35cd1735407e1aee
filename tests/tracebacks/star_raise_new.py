try:
    raise ExceptionGroup("batch", [ValueError("bad"), TypeError("worse")])
except* ValueError as eg:
    raise KeyError("replacement")
