def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print(type(e).__name__, e)
    print(isinstance(e, RuntimeError))
print("recovered after RecursionError")
