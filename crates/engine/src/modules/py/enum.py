"""The enum module: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

Members are created by the metaclass when the class body has run; the
class keeps them in definition order (`_member_names_`) and by value
(`_value2member_map_`), as CPython's EnumType does.
"""


class auto:
    """Marks a member whose value is chosen by `_generate_next_value_`."""

    def __init__(self):
        self.value = None

    def __repr__(self):
        return 'auto()'


def _is_member_entry(key, value):
    if key.startswith('_') or key.endswith('__'):
        return False
    if isinstance(value, (staticmethod, classmethod, property)):
        return False
    if callable(value) and not isinstance(value, auto):
        return False
    return True


class EnumType(type):
    def __new__(mcs, name, bases, ns, **kw):
        entries = [(k, v) for k, v in ns.items() if _is_member_entry(k, v)]
        for k, _ in entries:
            del ns[k]
        cls = super().__new__(mcs, name, bases, ns)
        cls._member_names_ = []
        cls._member_map_ = {}
        cls._value2member_map_ = {}
        base_type = None
        for b in cls.__mro__[1:]:
            if b is not object and not isinstance(b, EnumType):
                base_type = b
                break
        cls._member_type_ = base_type
        last_values = []
        for key, value in entries:
            if isinstance(value, auto):
                value = cls._generate_next_value_(key, 1, len(last_values), last_values[:])
            last_values.append(value)
            if key in cls._member_map_:
                raise TypeError('%r already defined as %r' % (key, cls._member_map_[key]))
            existing = None
            for m in cls._member_map_.values():
                if m._value_ == value:
                    existing = m
                    break
            if existing is not None:
                # An alias: same member under another name.
                cls._member_map_[key] = existing
                setattr(cls, key, existing)
                continue
            if base_type is None:
                member = object.__new__(cls)
            else:
                args = value if isinstance(value, tuple) and base_type is not tuple else (value,)
                member = base_type.__new__(cls, *args)
            member._name_ = key
            member._value_ = value
            if '__init__' in ns and not isinstance(value, tuple):
                member.__init__(value)
            elif '__init__' in ns:
                member.__init__(*value)
            cls._member_names_.append(key)
            cls._member_map_[key] = member
            try:
                cls._value2member_map_[value] = member
            except TypeError:
                pass
            setattr(cls, key, member)
        return cls

    def __call__(cls, value, *args, **kw):
        if isinstance(value, cls):
            return value
        try:
            return cls._value2member_map_[value]
        except (KeyError, TypeError):
            pass
        for m in cls._member_map_.values():
            if m._value_ == value:
                return m
        result = cls._missing_(value)
        if result is not None:
            return result
        raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return iter([cls._member_map_[n] for n in cls._member_names_])

    def __reversed__(cls):
        return iter([cls._member_map_[n] for n in reversed(cls._member_names_)])

    def __len__(cls):
        return len(cls._member_names_)

    def __contains__(cls, value):
        if isinstance(value, cls):
            return True
        return any(m._value_ == value for m in cls._member_map_.values())

    def __repr__(cls):
        return "<enum %r>" % cls.__name__

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        return dict(cls._member_map_)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for v in reversed(last_values):
            try:
                return v + 1
            except TypeError:
                pass
        return start

    @classmethod
    def _missing_(cls, value):
        return None

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        t = type(self)
        v = repr(self._value_)
        return '<%s.%s: %s>' % (t.__name__, self._name_, v)

    def __str__(self):
        return '%s.%s' % (type(self).__name__, self._name_)

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __reduce_ex__(self, proto):
        return type(self), (self._value_,)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __dir__(self):
        return ['__class__', '__doc__', '__eq__', '__hash__', '__module__', 'name', 'value']


class ReprEnum(Enum):
    """Enums whose str() and format() are those of the mixed-in type."""

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(int, ReprEnum):
    pass


class StrEnum(str, ReprEnum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        high = 0
        for v in last_values:
            if isinstance(v, int) and v > high:
                high = v
        return 1 if not last_values else 1 << high.bit_length()

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        known = 0
        for m in cls._member_map_.values():
            known |= m._value_
        if value & ~known:
            return None
        mt = cls._member_type_
        pseudo = object.__new__(cls) if mt is None else mt.__new__(cls, value)
        names = [m._name_ for m in cls._decompose(value)]
        pseudo._name_ = '|'.join(names) if names else None
        pseudo._value_ = value
        cls._value2member_map_[value] = pseudo
        return pseudo

    @classmethod
    def _decompose(cls, value):
        out = []
        for n in cls._member_names_:
            m = cls._member_map_[n]
            v = m._value_
            if v and v & (v - 1) == 0 and v & value == v:
                out.append(m)
        return out

    def __iter__(self):
        return iter(type(self)._decompose(self._value_))

    def __len__(self):
        return len(type(self)._decompose(self._value_))

    def __contains__(self, other):
        if not isinstance(other, type(self)):
            raise TypeError("unsupported operand type(s) for 'in': %r and %r"
                            % (type(other).__qualname__, type(self).__qualname__))
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        if not isinstance(other, type(self)):
            return NotImplemented
        return type(self)(self._value_ ^ other._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__

    def __invert__(self):
        known = 0
        for m in type(self)._member_map_.values():
            known |= m._value_
        return type(self)(known & ~self._value_)

    def __repr__(self):
        t = type(self)
        v = repr(self._value_)
        return '<%s.%s: %s>' % (t.__name__, self._name_, v)

    def __str__(self):
        if self._name_ is None:
            return '%s(%r)' % (type(self).__name__, self._value_)
        return '%s.%s' % (type(self).__name__, self._name_)


class IntFlag(int, ReprEnum, Flag):
    def __or__(self, other):
        if isinstance(other, int):
            return type(self)(int(self) | int(other))
        return NotImplemented

    def __and__(self, other):
        if isinstance(other, int):
            return type(self)(int(self) & int(other))
        return NotImplemented

    __ror__ = __or__
    __rand__ = __and__


def unique(enumeration):
    """Class decorator: raises ValueError if any value has two names."""
    dups = [(name, m._name_) for name, m in enumeration._member_map_.items() if name != m._name_]
    if dups:
        details = ', '.join('%s -> %s' % pair for pair in dups)
        raise ValueError('duplicate values found in %r: %s' % (enumeration, details))
    return enumeration
