def risky():
    raise ExceptionGroup("batch", [ValueError("a"), TypeError("b"), ValueError("c"), KeyError("d")])
try:
    try:
        risky()
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [str(e) for e in eg.exceptions], type(eg).__name__)
except ExceptionGroup as rest:
    print("unhandled:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as eg:
    print("naked wrapped:", repr(eg))
