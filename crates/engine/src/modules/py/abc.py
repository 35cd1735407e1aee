"""Abstract Base Classes (Looplab's own implementation).

Metaclasses are not available in the engine yet, so ABC does its
bookkeeping in __init_subclass__ and the check in __new__.
"""


def abstractmethod(funcobj):
    """A decorator indicating abstract methods."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    if getattr(value, '__isabstractmethod__', False):
        return True
    for attr in ('fget', 'fset', 'fdel', '__func__'):
        if getattr(getattr(value, attr, None), '__isabstractmethod__', False):
            return True
    return False


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    abstracts = set()
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in cls.__bases__:
        for name in getattr(base, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (registration only)."""

    def register(cls, subclass):
        return subclass


class ABC:
    """Helper class that provides a standard way to create an ABC using inheritance."""

    __slots__ = ()

    def __init_subclass__(cls, /, **kwargs):
        super().__init_subclass__(**kwargs)
        update_abstractmethods(cls)

    def __new__(cls, /, *args, **kwargs):
        abstracts = getattr(cls, '__abstractmethods__', ())
        if abstracts:
            names = sorted(abstracts)
            raise TypeError("Can't instantiate abstract class %s without an implementation "
                            "for abstract method%s %s" % (
                                cls.__name__, 's' if len(names) > 1 else '',
                                ', '.join(repr(n) for n in names)))
        return object.__new__(cls)

    @classmethod
    def register(cls, subclass):
        return subclass


def get_cache_token():
    return 0
