def pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_
get, set_ = pair()
print(get())
set_(42)
print(get())
get2, set2 = pair()
print(get2(), get())
def loop_closures():
    fs = []
    for i in range(3):
        def f():
            return i
        fs.append(f)
    i = 100
    return [f() for f in fs]
print(loop_closures())
