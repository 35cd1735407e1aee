from contextlib import contextmanager
@contextmanager
def handler(swallow):
    try:
        yield
    except ValueError as e:
        print("  cm saw", repr(e))
        if not swallow:
            raise
    else:
        print("  cm: no exception")
    finally:
        print("  cm finally")
with handler(True):
    raise ValueError("swallowed")
print("continued")
try:
    with handler(False):
        raise ValueError("propagated")
except ValueError as e:
    print("outer caught", e)
with handler(True):
    pass
@contextmanager
def broken():
    yield
    yield
try:
    with broken():
        pass
except RuntimeError as e:
    print(type(e).__name__, e)
