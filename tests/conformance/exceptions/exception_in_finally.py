def risky():
    try:
        raise KeyError("original")
    finally:
        raise RuntimeError("from finally")
try:
    risky()
except Exception as e:
    print(type(e).__name__, e)
    print("context:", type(e.__context__).__name__, e.__context__)
    print("suppressed:", e.__suppress_context__, "cause:", e.__cause__)
def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
