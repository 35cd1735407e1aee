def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(400), is_odd(401), is_even(7))
def ping(n):
    return pong(n)
def pong(n):
    return ping(n)
try:
    ping(1)
except RecursionError as e:
    print(type(e).__name__, e)
