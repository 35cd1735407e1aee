def process():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise
try:
    process()
except ValueError as e:
    print("outer got:", e)
def wrap():
    try:
        [].pop()
    except IndexError as e:
        raise e
try:
    wrap()
except IndexError as e:
    print("outer got:", type(e).__name__, e)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, e)
