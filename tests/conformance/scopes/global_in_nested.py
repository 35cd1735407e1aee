counter = 0
def outer():
    def inner():
        global counter
        counter += 1
    inner()
    inner()
    return counter
print(outer(), counter)
def outer2():
    counter = 100
    def inner():
        global counter
        return counter
    return inner()
print(outer2())
