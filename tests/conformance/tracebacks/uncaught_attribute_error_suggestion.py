class Person:
    def __init__(self):
        self.name = "ann"
p = Person()
print(p.name)
try:
    p.nmae
except AttributeError as e:
    # str(e) never includes the "Did you mean" hint; only the traceback does
    print(type(e).__name__, e)
print(p.nam)
