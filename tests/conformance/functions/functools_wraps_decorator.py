import functools
def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print(f"calling {fn.__name__}{args} {kwargs}")
        out = fn(*args, **kwargs)
        print(f"{fn.__name__} returned {out!r}")
        return out
    return wrapper
@logged
def area(w, h=1):
    """Compute area."""
    return w * h
area(3, h=4)
area(2)
print(area.__name__, area.__doc__, area.__wrapped__(5, 5))
