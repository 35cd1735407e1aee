def check(x):
    if x > 1:
        raise ValueError("too big: " + str(x))
    return x

check(5)
