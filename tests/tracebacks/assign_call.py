def boom():
    return int("abc")

x = boom()
