def work():
    raise ExceptionGroup("inner group", [ValueError("a")])

try:
    work()
except* ValueError as eg:
    raise RuntimeError("handled badly")
