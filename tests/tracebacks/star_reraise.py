def work():
    raise ExceptionGroup("batch", [ValueError("bad"), TypeError("worse")])

try:
    work()
except* ValueError:
    raise
except* TypeError:
    print("handled the TypeError")
