inner = ExceptionGroup("inner", [KeyError("k"), ZeroDivisionError("z")])
raise ExceptionGroup("outer", [ValueError("v"), inner, TypeError("t")])
