def work():
    raise ExceptionGroup("tasks failed", [ValueError("bad input"), TypeError("wrong type")])
print("running")
work()
