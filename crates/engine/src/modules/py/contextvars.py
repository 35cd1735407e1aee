"""contextvars: context-local state.

The engine keeps the running code's context as a dict that is never
changed in place (`_contextvars._get/_set`): ContextVar.set installs a new
dict, so handing the same dict to a new task is a copy. Each asyncio task
runs in the context it was created in; a new thread starts empty.
"""

import _contextvars

_MISSING = object()


class Token:
    MISSING = _MISSING

    def __init__(self, context_data, var, old_value):
        self._var = var
        self._old_value = old_value
        self._used = False

    @property
    def var(self):
        return self._var

    @property
    def old_value(self):
        return self._old_value

    def __repr__(self):
        used = ' used' if self._used else ''
        return f'<Token{used} var={self._var!r} at {id(self):#x}>'


class ContextVar:
    def __init__(self, name, *, default=_MISSING):
        if not isinstance(name, str):
            raise TypeError('context variable name must be a str')
        self._name = name
        self._default = default

    @property
    def name(self):
        return self._name

    def __repr__(self):
        d = ''
        if self._default is not _MISSING:
            d = f' default={self._default!r}'
        return f'<ContextVar name={self._name!r}{d} at {id(self):#x}>'

    def __class_getitem__(cls, item):
        return cls

    def get(self, *args):
        data = _contextvars._get()
        if data is not None and self in data:
            return data[self]
        if args:
            return args[0]
        if self._default is not _MISSING:
            return self._default
        raise LookupError(self)

    def set(self, value):
        data = _contextvars._get()
        new = {} if data is None else dict(data)
        old = new.get(self, _MISSING)
        new[self] = value
        _contextvars._set(new)
        return Token(new, self, old)

    def reset(self, token):
        if token._used:
            raise RuntimeError(f'{token!r} has already been used once')
        if token._var is not self:
            raise ValueError(f'{token!r} was created by a different ContextVar')
        data = _contextvars._get()
        new = {} if data is None else dict(data)
        if token._old_value is _MISSING:
            new.pop(self, None)
        else:
            new[self] = token._old_value
        _contextvars._set(new)
        token._used = True


class Context:
    def __init__(self):
        self._data = None
        self._entered = False

    @classmethod
    def _from(cls, data):
        ctx = cls()
        ctx._data = data
        return ctx

    def run(self, callable, /, *args, **kwargs):
        if self._entered:
            raise RuntimeError(f'cannot enter context: {self!r} is already entered')
        prev = _contextvars._get()
        _contextvars._set(self._data)
        self._entered = True
        try:
            return callable(*args, **kwargs)
        finally:
            self._data = _contextvars._get()
            self._entered = False
            _contextvars._set(prev)

    def copy(self):
        return Context._from(self._data)

    def _items(self):
        return {} if self._data is None else self._data

    def __getitem__(self, var):
        return self._items()[var]

    def __contains__(self, var):
        return var in self._items()

    def __len__(self):
        return len(self._items())

    def __iter__(self):
        return iter(self._items())

    def get(self, var, default=None):
        return self._items().get(var, default)

    def keys(self):
        return self._items().keys()

    def values(self):
        return self._items().values()

    def items(self):
        return self._items().items()


def copy_context():
    return Context._from(_contextvars._get())
