def boom():
    raise RuntimeError("boom")

def outer():
    boom()

outer()
