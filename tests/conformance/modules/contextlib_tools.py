from contextlib import contextmanager, suppress, nullcontext, ExitStack, closing
@contextmanager
def tag(name):
    print(f"<{name}>")
    try:
        yield name.upper()
    finally:
        print(f"</{name}>")
with tag("div") as t:
    with tag("p"):
        print("  content", t)
try:
    with tag("err"):
        raise ValueError("inside")
except ValueError as e:
    print("caught", e)
with suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
with suppress(ZeroDivisionError):
    print("no error here")
with nullcontext("value") as v:
    print(v)
with ExitStack() as stack:
    for n in ["a", "b"]:
        stack.enter_context(tag(n))
    stack.callback(print, "callback ran")
    print("in stack")
class Thing:
    def close(self):
        print("Thing closed")
with closing(Thing()):
    print("using thing")
