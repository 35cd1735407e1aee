def outer():
    def inner(values):
        return [v.upper() for v in values]
    return inner(["a", 3])

outer()
