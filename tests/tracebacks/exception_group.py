def f():
    raise ExceptionGroup("several errors", [ValueError("one"), TypeError("two")])

f()
