try:
    raise ExceptionGroup("jobs failed", [ValueError("job 1"), OSError("job 2")])
except* ValueError as eg:
    print("handled", len(eg.exceptions), "ValueError")
print("not reached")
