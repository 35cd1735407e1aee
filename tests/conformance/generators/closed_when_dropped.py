# A generator that dies suspended in a try/with is closed then: its
# finally blocks run at once (crates/engine/tests/finalize.rs checks what
# an exception escaping them prints).
import contextlib

def numbers(tag):
    try:
        for i in range(10):
            yield i
    finally:
        print(tag, "closed at", i)

@contextlib.contextmanager
def resource(name):
    print("open", name)
    try:
        yield name
    finally:
        print("close", name)

def using():
    with resource("db") as r:
        yield r
        yield r

def first_even(gen):
    for x in gen:
        if x % 2 == 0 and x > 0:
            return x

print(first_even(numbers("a")))
for x in numbers("b"):
    if x == 3:
        break
print("after b")
u = using(); print(next(u)); u = None
print("after using")
print(any(x > 2 for x in numbers("c")))
def outer():
    yield from numbers("d")
o = outer(); next(o); next(o); del o
print("end")
