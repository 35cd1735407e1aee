"""typing: every common name importable and subscriptable, with CPython's
reprs; annotations are never enforced."""

TYPE_CHECKING = False


def _type_repr(t):
    if t is None or t is type(None):
        return 'None'
    if t is ...:
        return '...'
    if isinstance(t, type):
        if t.__module__ == 'builtins':
            return t.__qualname__
        return t.__module__ + '.' + t.__qualname__
    if isinstance(t, (list, tuple)):
        return '[' + ', '.join(_type_repr(a) for a in t) + ']'
    return repr(t)


def _params(p):
    return p if isinstance(p, tuple) else (p,)


class _GenericAlias:
    """`List[int]`, `Box[int]`: remembers origin and arguments."""

    def __init__(self, origin, args, name=None):
        self.__origin__ = origin
        self.__args__ = args
        self._name = name

    def __repr__(self):
        head = 'typing.' + self._name if self._name else _type_repr(self.__origin__)
        if not self.__args__:
            return head + '[()]'
        return head + '[' + ', '.join(_type_repr(a) for a in self.__args__) + ']'

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, _params(params), self._name)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __eq__(self, other):
        if not isinstance(other, _GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash((self.__origin__, self.__args__))

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class _CallableAlias(_GenericAlias):
    def __repr__(self):
        if len(self.__args__) == 2 and self.__args__[0] is ...:
            return 'typing.Callable[..., %s]' % _type_repr(self.__args__[1])
        *params, result = self.__args__
        return 'typing.Callable[[%s], %s]' % (', '.join(_type_repr(a) for a in params), _type_repr(result))


class _LiteralAlias(_GenericAlias):
    def __repr__(self):
        return 'typing.Literal[' + ', '.join(repr(a) for a in self.__args__) + ']'


class _UnionAlias(_GenericAlias):
    def __repr__(self):
        args = self.__args__
        if len(args) == 2 and type(None) in args:
            other = args[0] if args[1] is type(None) else args[1]
            return 'typing.Optional[' + _type_repr(other) + ']'
        return 'typing.Union[' + ', '.join(_type_repr(a) for a in args) + ']'


class _SpecialForm:
    """`Any`, `Union`, `Optional`, ...: a name that may be subscripted."""

    def __init__(self, name, getitem=None):
        self._name = name
        self._getitem = getitem

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        if self._getitem is not None:
            return self._getitem(params)
        return _GenericAlias(self, _params(params), self._name)

    def __call__(self, *args, **kwargs):
        raise TypeError('Cannot instantiate typing.%s' % self._name)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _union(params):
    members = []
    for p in _params(params):
        if p is None:
            p = type(None)
        parts = p.__args__ if isinstance(p, _UnionAlias) or type(p).__name__ == 'UnionType' else (p,)
        for q in parts:
            if q not in members:
                members.append(q)
    if len(members) == 1:
        return members[0]
    return _UnionAlias(Union, tuple(members), 'Union')


def _callable(params):
    if not isinstance(params, tuple) or len(params) != 2:
        raise TypeError('Callable must be used as Callable[[arg, ...], result].')
    args, result = params
    if args is ...:
        return _CallableAlias(Callable, (..., result), 'Callable')
    return _CallableAlias(Callable, tuple(args) + (result,), 'Callable')


Any = _SpecialForm('Any')
NoReturn = _SpecialForm('NoReturn')
Never = _SpecialForm('Never')
Self = _SpecialForm('Self')
LiteralString = _SpecialForm('LiteralString')
ClassVar = _SpecialForm('ClassVar')
Final = _SpecialForm('Final')
TypeAlias = _SpecialForm('TypeAlias')
Required = _SpecialForm('Required')
NotRequired = _SpecialForm('NotRequired')
Union = _SpecialForm('Union', _union)
Optional = _SpecialForm('Optional', lambda p: _union((p, None)))
Literal = _SpecialForm('Literal', lambda p: _LiteralAlias(Literal, _params(p), 'Literal'))
Annotated = _SpecialForm('Annotated')
Callable = _SpecialForm('Callable', _callable)


class _Alias:
    """`List`, `Dict`, `Iterable`, ...: deprecated aliases of real classes."""

    def __init__(self, name, origin):
        self._name = name
        self.__origin__ = origin

    def __repr__(self):
        return 'typing.' + self._name

    def __getitem__(self, params):
        return _GenericAlias(self.__origin__, _params(params), self._name)

    def __call__(self, *args, **kwargs):
        return self.__origin__(*args, **kwargs)

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


def _abstract(name):
    return type(name, (), {'__module__': 'collections.abc'})


List = _Alias('List', list)
Dict = _Alias('Dict', dict)
Set = _Alias('Set', set)
FrozenSet = _Alias('FrozenSet', frozenset)
Tuple = _Alias('Tuple', tuple)
Type = _Alias('Type', type)
Iterable = _Alias('Iterable', _abstract('Iterable'))
Iterator = _Alias('Iterator', _abstract('Iterator'))
Generator = _Alias('Generator', _abstract('Generator'))
Sequence = _Alias('Sequence', _abstract('Sequence'))
MutableSequence = _Alias('MutableSequence', _abstract('MutableSequence'))
Mapping = _Alias('Mapping', _abstract('Mapping'))
MutableMapping = _Alias('MutableMapping', _abstract('MutableMapping'))
AbstractSet = _Alias('AbstractSet', _abstract('Set'))
Collection = _Alias('Collection', _abstract('Collection'))
Container = _Alias('Container', _abstract('Container'))
Hashable = _Alias('Hashable', _abstract('Hashable'))
Sized = _Alias('Sized', _abstract('Sized'))
Awaitable = _Alias('Awaitable', _abstract('Awaitable'))
Coroutine = _Alias('Coroutine', _abstract('Coroutine'))
AsyncIterable = _Alias('AsyncIterable', _abstract('AsyncIterable'))
AsyncIterator = _Alias('AsyncIterator', _abstract('AsyncIterator'))
AsyncGenerator = _Alias('AsyncGenerator', _abstract('AsyncGenerator'))
Deque = _Alias('Deque', _abstract('deque'))
DefaultDict = _Alias('DefaultDict', _abstract('defaultdict'))
Counter = _Alias('Counter', _abstract('Counter'))
OrderedDict = _Alias('OrderedDict', _abstract('OrderedDict'))
ChainMap = _Alias('ChainMap', _abstract('ChainMap'))


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False, infer_variance=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        if self.__covariant__:
            return '+' + self.__name__
        if self.__contravariant__:
            return '-' + self.__name__
        return '~' + self.__name__

    def __or__(self, other):
        return Union[self, other]

    def __ror__(self, other):
        return Union[other, self]


class ParamSpec(TypeVar):
    pass


class TypeVarTuple(TypeVar):
    pass


AnyStr = TypeVar('AnyStr', bytes, str)


class Generic:
    """Base for user generics: `class Box(Generic[T])`, then `Box[int]`."""

    def __class_getitem__(cls, params):
        return _GenericAlias(cls, _params(params))


class Protocol(Generic):
    pass


class _NamedTupleMeta(type):
    def __new__(mcs, name, bases, ns):
        if ns.get('_root'):
            return super().__new__(mcs, name, bases, ns)
        import collections
        fields = list(ns.get('__annotations__', {}))
        defaults = [ns[f] for f in fields if f in ns]
        nt = collections.namedtuple(name, fields, defaults=defaults or None, module=ns.get('__module__'))
        nt.__annotations__ = dict(ns.get('__annotations__', {}))
        for key, value in ns.items():
            if key not in fields and key not in ('__module__', '__qualname__', '__annotations__', '__doc__'):
                setattr(nt, key, value)
        return nt

    def __call__(cls, typename, fields=(), **kwargs):
        import collections
        pairs = list(fields) if fields else list(kwargs.items())
        return collections.namedtuple(typename, [n for n, _ in pairs])


class NamedTuple(metaclass=_NamedTupleMeta):
    _root = True


class _TypedDictMeta(type):
    def __new__(mcs, name, bases, ns, total=True):
        ns = dict(ns)
        ns.pop('_root', None)
        return super().__new__(mcs, name, (dict,), ns)

    def __call__(cls, *args, **kwargs):
        return dict(*args, **kwargs)


class TypedDict(metaclass=_TypedDictMeta):
    _root = True


def NewType(name, tp):
    def new_type(x):
        return x
    new_type.__name__ = name
    new_type.__qualname__ = name
    new_type.__supertype__ = tp
    return new_type


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def override(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    return cls


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    return dict(getattr(obj, '__annotations__', {}))


def get_origin(tp):
    return getattr(tp, '__origin__', None)


def get_args(tp):
    return getattr(tp, '__args__', ())


def assert_never(arg):
    raise AssertionError('Expected code to be unreachable, but got: %r' % (arg,))


def reveal_type(obj):
    return obj
