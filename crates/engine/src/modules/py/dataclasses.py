"""Data classes (Looplab's own implementation of CPython 3.13's dataclasses)."""

import copy as _copy

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'InitVar',
           'KW_ONLY', 'MISSING', 'fields', 'asdict', 'astuple', 'make_dataclass',
           'replace', 'is_dataclass']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    def __repr__(self):
        return 'MISSING'


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    def __repr__(self):
        return 'KW_ONLY'


KW_ONLY = _KW_ONLY_TYPE()


class _HAS_DEFAULT_FACTORY_CLASS:
    def __repr__(self):
        return '<factory>'


_HAS_DEFAULT_FACTORY = _HAS_DEFAULT_FACTORY_CLASS()


class InitVar:
    def __init__(self, type):
        self.type = type

    def __class_getitem__(cls, type):
        return InitVar(type)

    def __repr__(self):
        t = self.type
        name = t.__name__ if isinstance(t, type) else repr(t)
        return 'dataclasses.InitVar[%s]' % name


_FIELD = 'field'
_FIELD_CLASSVAR = 'classvar'
_FIELD_INITVAR = 'initvar'


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field(name=%r,type=%r,default=%r,default_factory=%r,init=%r,repr=%r,'
                'hash=%r,compare=%r,metadata=%r,kw_only=%r,_field_type=%s)' % (
                    self.name, self.type, self.default, self.default_factory, self.init,
                    self.repr, self.hash, self.compare, self.metadata, self.kw_only,
                    self._field_type))

    def __set_name__(self, owner, name):
        func = getattr(type(self.default), '__set_name__', None)
        if func:
            func(self.default, owner, name)


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    """Return an object to identify dataclass fields."""
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if tp is None:
        return False
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    r = repr(tp)
    return r.startswith('typing.ClassVar')


def _is_mutable_default(value):
    if isinstance(value, (list, dict, set)):
        return True
    return getattr(type(value), '__hash__', 0) is None


def _get_field(cls, name, tp, kw_only):
    default = cls.__dict__.get(name, MISSING)
    if isinstance(default, Field):
        f = default
    else:
        f = field(default=default)
    f.name = name
    f.type = tp
    f._field_type = _FIELD
    if _is_classvar(tp):
        f._field_type = _FIELD_CLASSVAR
    elif isinstance(tp, InitVar) or tp is InitVar:
        f._field_type = _FIELD_INITVAR
    if f._field_type in (_FIELD_CLASSVAR, _FIELD_INITVAR) and f.default_factory is not MISSING:
        raise TypeError('field %s cannot have a default factory' % name)
    if f._field_type in (_FIELD, _FIELD_INITVAR):
        if f.kw_only is MISSING:
            f.kw_only = kw_only
    else:
        f.kw_only = False
    if f._field_type is _FIELD and _is_mutable_default(f.default):
        raise ValueError('mutable default %s for field %s is not allowed: use default_factory'
                         % (type(f.default), f.name))
    return f


def _tuple_src(names):
    if not names:
        return '()'
    return '(' + ', '.join(['self.' + n for n in names]) + ',)'


def _compile(name, src, ns, qualname):
    exec(src, ns)
    fn = ns[name]
    fn.__qualname__ = qualname + '.' + name
    return fn


def _set_new_attribute(cls, name, value):
    if name in cls.__dict__:
        return True
    setattr(cls, name, value)
    return False


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                   kw_only, slots):
    fields_ = {}
    for b in cls.__mro__[-1:0:-1]:
        base_fields = getattr(b, '__dataclass_fields__', None)
        if base_fields is not None:
            for f in base_fields.values():
                fields_[f.name] = f

    ann = cls.__dict__.get('__annotations__', {})
    cls_fields = []
    kw = kw_only
    for name, tp in ann.items():
        if tp is KW_ONLY or (isinstance(tp, str) and tp in ('KW_ONLY', 'dataclasses.KW_ONLY')):
            kw = True
            continue
        cls_fields.append(_get_field(cls, name, tp, kw))
    for f in cls_fields:
        fields_[f.name] = f
        if isinstance(cls.__dict__.get(f.name), Field):
            if f.default is MISSING:
                delattr(cls, f.name)
            else:
                setattr(cls, f.name, f.default)
    for name, value in cls.__dict__.items():
        if isinstance(value, Field) and name not in ann:
            raise TypeError('%r is a field but has no type annotation' % (name,))

    cls.__dataclass_fields__ = fields_
    cls.__dataclass_params__ = (init, repr, eq, order, unsafe_hash, frozen)
    qual = cls.__qualname__
    all_fields = [f for f in fields_.values() if f._field_type is _FIELD]

    if init:
        _add_init(cls, list(fields_.values()), frozen, qual)

    if repr:
        flds = [f for f in all_fields if f.repr]

        def __repr__(self):
            return self.__class__.__qualname__ + '(' + ', '.join(
                ['%s=%r' % (f.name, getattr(self, f.name)) for f in flds]) + ')'
        __repr__.__qualname__ = qual + '.__repr__'
        _set_new_attribute(cls, '__repr__', __repr__)

    cmp_names = [f.name for f in all_fields if f.compare]
    if eq:
        src = ('def __eq__(self, other):\n'
               '    if other.__class__ is self.__class__:\n'
               '        return %s == %s\n'
               '    return NotImplemented\n' % (_tuple_src(cmp_names),
                                                _tuple_src(cmp_names).replace('self.', 'other.')))
        _set_new_attribute(cls, '__eq__', _compile('__eq__', src, {}, qual))

    if order:
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            src = ('def %s(self, other):\n'
                   '    if other.__class__ is self.__class__:\n'
                   '        return %s %s %s\n'
                   '    return NotImplemented\n' % (name, _tuple_src(cmp_names), op,
                                                    _tuple_src(cmp_names).replace('self.', 'other.')))
            if _set_new_attribute(cls, name, _compile(name, src, {}, qual)):
                raise TypeError('Cannot overwrite attribute %s in class %s. Consider using '
                                'functools.total_ordering' % (name, cls.__name__))

    if frozen:
        names = tuple(f.name for f in all_fields)

        def __setattr__(self, name, value):
            if type(self) is cls or name in names:
                raise FrozenInstanceError('cannot assign to field %r' % (name,))
            super(cls, self).__setattr__(name, value)

        def __delattr__(self, name):
            if type(self) is cls or name in names:
                raise FrozenInstanceError('cannot delete field %r' % (name,))
            super(cls, self).__delattr__(name)
        __setattr__.__qualname__ = qual + '.__setattr__'
        __delattr__.__qualname__ = qual + '.__delattr__'
        for n, fn in (('__setattr__', __setattr__), ('__delattr__', __delattr__)):
            if _set_new_attribute(cls, n, fn):
                raise TypeError('Cannot overwrite attribute %s in class %s' % (n, cls.__name__))

    has_explicit_hash = '__hash__' in cls.__dict__ and not (
        cls.__dict__['__hash__'] is None and '__eq__' in cls.__dict__ and not eq)
    if '__eq__' in cls.__dict__ and cls.__dict__.get('__hash__', MISSING) is None:
        has_explicit_hash = False
    hash_names = [f.name for f in all_fields if (f.compare if f.hash is None else f.hash)]
    if unsafe_hash or (eq and frozen):
        if unsafe_hash and has_explicit_hash:
            raise TypeError('Cannot overwrite attribute __hash__ in class %s' % cls.__name__)
        if not has_explicit_hash or unsafe_hash:
            src = 'def __hash__(self):\n    return hash(%s)\n' % _tuple_src(hash_names)
            cls.__hash__ = _compile('__hash__', src, {}, qual)
    elif eq and not frozen and not has_explicit_hash:
        cls.__hash__ = None

    if match_args:
        _set_new_attribute(cls, '__match_args__',
                           tuple(f.name for f in fields_.values() if f.init and not f.kw_only
                                 and f._field_type is not _FIELD_CLASSVAR))
    if not getattr(cls, '__doc__', None):
        try:
            cls.__doc__ = cls.__name__ + '(' + ', '.join(
                [f.name + ': ' + _type_name(f.type) for f in all_fields if f.init]) + ')'
        except (TypeError, AttributeError):
            pass
    return cls


def _type_name(tp):
    if isinstance(tp, type):
        return tp.__name__
    return repr(tp)


def _add_init(cls, flds, frozen, qual):
    ns = {'__dataclass_MISSING__': MISSING, '__dataclass_HAS_DEFAULT_FACTORY__': _HAS_DEFAULT_FACTORY,
          '__dataclass_builtins_object__': object}
    std, kwonly = [], []
    seen_default = None
    for f in flds:
        if f._field_type is _FIELD_CLASSVAR or not f.init:
            continue
        if f.default is MISSING and f.default_factory is MISSING:
            param = f.name
            if not f.kw_only and seen_default is not None:
                raise TypeError('non-default argument %r follows default argument %r'
                                % (f.name, seen_default))
        elif f.default_factory is not MISSING:
            param = f.name + '=__dataclass_HAS_DEFAULT_FACTORY__'
        else:
            ns['__dataclass_dflt_' + f.name + '__'] = f.default
            param = f.name + '=__dataclass_dflt_' + f.name + '__'
        if param != f.name and not f.kw_only:
            seen_default = f.name
        (kwonly if f.kw_only else std).append(param)
    params = ['self'] + std
    if kwonly:
        params += ['*'] + kwonly

    body = []
    for f in flds:
        if f._field_type is not _FIELD:
            continue
        if f.default_factory is not MISSING:
            ns['__dataclass_factory_' + f.name + '__'] = f.default_factory
            fac = '__dataclass_factory_' + f.name + '__()'
            if f.init:
                value = '%s if %s is __dataclass_HAS_DEFAULT_FACTORY__ else %s' % (fac, f.name, f.name)
            else:
                value = fac
        elif f.init:
            value = f.name
        elif f.default is not MISSING:
            ns['__dataclass_dflt_' + f.name + '__'] = f.default
            value = '__dataclass_dflt_' + f.name + '__'
        else:
            continue
        if frozen:
            body.append('__dataclass_builtins_object__.__setattr__(self, %r, %s)' % (f.name, value))
        else:
            body.append('self.%s = %s' % (f.name, value))
    if hasattr(cls, '__post_init__'):
        initvars = [f.name for f in flds if f._field_type is _FIELD_INITVAR]
        body.append('self.__post_init__(%s)' % ', '.join(initvars))
    if not body:
        body = ['pass']
    src = 'def __init__(%s):\n' % ', '.join(params) + ''.join('    ' + line + '\n' for line in body)
    _set_new_attribute(cls, '__init__', _compile('__init__', src, ns, qual))


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False,
              slots=False, weakref_slot=False):
    """Add dunder methods based on the fields defined in the class."""
    def wrap(cls):
        if order and not eq:
            raise ValueError('eq must be true if order is true')
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen,
                              match_args, kw_only, slots)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    """Return a tuple describing the fields of this dataclass."""
    try:
        flds = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in flds.values() if f._field_type is _FIELD)


def is_dataclass(obj):
    """Returns True if obj is a dataclass or an instance of a dataclass."""
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def _is_dataclass_instance(obj):
    return hasattr(type(obj), '__dataclass_fields__')


def asdict(obj, *, dict_factory=dict):
    """Return the fields of a dataclass instance as a new dictionary (recursively)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _asdict_inner(obj, dict_factory):
    if _is_dataclass_instance(obj):
        return dict_factory([(f.name, _asdict_inner(getattr(obj, f.name), dict_factory))
                             for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)._make([_asdict_inner(v, dict_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, dict_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, dict_factory), _asdict_inner(v, dict_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    """Return the fields of a dataclass instance as a new tuple (recursively)."""
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def _astuple_inner(obj, tuple_factory):
    if _is_dataclass_instance(obj):
        return tuple_factory([_astuple_inner(getattr(obj, f.name), tuple_factory)
                              for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)._make([_astuple_inner(v, tuple_factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, tuple_factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, tuple_factory), _astuple_inner(v, tuple_factory))
                         for k, v in obj.items())
    return _copy.deepcopy(obj)


def replace(obj, /, **changes):
    """Return a new object replacing specified fields with new values."""
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in obj.__dataclass_fields__.values():
        if f._field_type is _FIELD_CLASSVAR:
            continue
        if not f.init:
            if f.name in changes:
                raise TypeError('field %s is declared with init=False, it cannot be '
                                'specified with replace()' % f.name)
            continue
        if f.name not in changes:
            if f._field_type is _FIELD_INITVAR and f.default is MISSING:
                raise TypeError('InitVar %r must be specified with replace()' % f.name)
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)


def make_dataclass(cls_name, fields, *, bases=(), namespace=None, **kwargs):
    """Create a new dataclass with the given name and fields."""
    ns = dict(namespace or {})
    annotations = {}
    for item in fields:
        if isinstance(item, str):
            annotations[item] = 'typing.Any'
        elif len(item) == 2:
            annotations[item[0]] = item[1]
        else:
            annotations[item[0]] = item[1]
            ns[item[0]] = item[2]
    ns['__annotations__'] = annotations
    cls = type(cls_name, bases, ns)
    return dataclass(cls, **kwargs)
