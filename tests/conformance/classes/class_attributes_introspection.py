class Foo:
    """Foo docs."""
    a = 1
    def method(self):
        pass
    @property
    def prop(self):
        return 2
print(Foo.__name__, Foo.__doc__, Foo.__module__, Foo.__qualname__)
print([n for n in dir(Foo) if not n.startswith("__")])
f = Foo()
f.b = 3
print(sorted(vars(f)), hasattr(f, "a"), hasattr(Foo, "b"))
print(type(Foo).__name__, type(Foo.method).__name__, type(f.method).__name__)
print(f.method.__self__ is f, Foo.__bases__ == (object,), isinstance(Foo, type))
