def f():
    try:
        return "try"
    finally:
        print("finally runs before return completes")
print(f())
def g():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed the exception"
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
h()
def k():
    x = 1
    try:
        return x
    finally:
        x = 2
print(k())
