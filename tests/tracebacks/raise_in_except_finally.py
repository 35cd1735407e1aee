def f():
    try:
        return [][0]
    finally:
        print("cleanup")

f()
