"""Shallow and deep copy operations (Looplab's own implementation)."""

from _collections import deque as _deque


class Error(Exception):
    pass


error = Error

_atomic = (type(None), int, float, bool, str, bytes, type, range,
           type(lambda: 0), type(len), type(Ellipsis), type(NotImplemented))


def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _atomic or cls is tuple or cls is frozenset:
        return x
    if cls is list:
        return list(x)
    if cls is dict:
        return dict(x)
    if cls is set:
        return set(x)
    if cls is bytearray:
        return bytearray(x)
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _reconstruct(x, None)


def _reconstruct(x, memo):
    cls = type(x)
    if isinstance(x, BaseException):
        y = cls.__new__(cls, *x.args)
    elif isinstance(x, (list, dict, set, tuple)):
        # builtin subclass: rebuild from its contents
        if isinstance(x, dict):
            y = cls.__new__(cls)
            for k, v in dict.items(x):
                if memo is not None:
                    k, v = deepcopy(k, memo), deepcopy(v, memo)
                dict.__setitem__(y, k, v)
        elif isinstance(x, tuple):
            items = tuple(x) if memo is None else tuple(deepcopy(v, memo) for v in x)
            y = tuple.__new__(cls, items)
        else:
            y = cls.__new__(cls)
            items = list(x) if memo is None else [deepcopy(v, memo) for v in x]
            if isinstance(x, list):
                list.extend(y, items)
            else:
                set.update(y, items)
    elif isinstance(x, _deque):
        # As deque.__reduce__: cls((), maxlen), then the items appended
        # (after the memo entry, so a deque containing itself works).
        y = cls() if x.maxlen is None else cls((), x.maxlen)
        if memo is not None:
            memo[id(x)] = y
        for v in x:
            y.append(v if memo is None else deepcopy(v, memo))
    else:
        y = cls.__new__(cls)
    if memo is not None:
        memo[id(x)] = y
    state = getattr(x, '__dict__', None)
    if state:
        if memo is not None:
            state = deepcopy(state, memo)
        setstate = getattr(y, '__setstate__', None)
        if setstate is not None and getattr(cls, '__setstate__', None) is not getattr(object, '__setstate__', None):
            setstate(state)
        else:
            for k, v in state.items():
                object.__setattr__(y, k, v)
    slots = []
    for klass in cls.__mro__:
        s = klass.__dict__.get('__slots__', ())
        if isinstance(s, str):
            s = (s,)
        slots.extend(n for n in s if n not in ('__dict__', '__weakref__'))
    for name in slots:
        if hasattr(x, name):
            v = getattr(x, name)
            if memo is not None:
                v = deepcopy(v, memo)
            object.__setattr__(y, name, v)
    return y


def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic:
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        y = tuple(deepcopy(a, memo) for a in x)
        if d in memo:
            return memo[d]
        if all(a is b for a, b in zip(x, y)):
            y = x
    elif cls is set:
        y = set(deepcopy(a, memo) for a in x)
    elif cls is frozenset:
        y = frozenset(deepcopy(a, memo) for a in x)
    elif cls is bytearray:
        y = bytearray(x)
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _reconstruct(x, memo)
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _keep_alive(x, memo):
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    cls = obj.__class__
    func = getattr(cls, '__replace__', None)
    if func is None:
        raise TypeError("replace() does not support %s objects" % cls.__name__)
    return func(obj, **changes)
