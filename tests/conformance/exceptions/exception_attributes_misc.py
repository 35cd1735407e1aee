try:
    {}["k"]
except KeyError as e:
    print(e.args[0], e.__traceback__ is not None, type(e.__traceback__).__name__)
e = ValueError("x").with_traceback(None)
print(repr(e), e.__traceback__)
try:
    import nonexistent_mod_abc
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    "x".nope
except AttributeError as e:
    print(e.name, type(e.obj).__name__)
try:
    undefined_thing
except NameError as e:
    print(e.name)
