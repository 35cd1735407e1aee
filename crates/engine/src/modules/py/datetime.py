"""Dates, times and durations: timedelta, date, time and datetime, naive
(no time zones), with CPython's reprs, string forms and arithmetic.

now() and today() read the engine's clock, as time.time() does, in UTC.
"""

import time as _time

MINYEAR = 1
MAXYEAR = 9999

_DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
# Days before the first of each month (index 1..12) in a common year.
_DAYS_BEFORE_MONTH = [0, 0]
for _m in range(1, 12):
    _DAYS_BEFORE_MONTH.append(_DAYS_BEFORE_MONTH[-1] + _DAYS_IN_MONTH[_m])
del _m
_MONTH_NAMES = [None, 'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
_DAY_NAMES = [None, 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_in_month(year, month):
    return 29 if month == 2 and _is_leap(year) else _DAYS_IN_MONTH[month]


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _to_ordinal(year, month, day):
    """Day 1 is 0001-01-01."""
    before = _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))
    return _days_before_year(year) + before + day


def _from_ordinal(n):
    # 400-year cycles of 146097 days, then centuries, 4-year spans, years.
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    month = 1
    while True:
        days = _days_in_month(year, month)
        if n < days:
            return year, month, n + 1
        n -= days
        month += 1


def _check_int(name, value):
    if not isinstance(value, int):
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer")
    return value


def _check_date(year, month, day):
    _check_int('year', year)
    _check_int('month', month)
    _check_int('day', day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f'year {year} is out of range')
    if not 1 <= month <= 12:
        raise ValueError('month must be in 1..12')
    if not 1 <= day <= _days_in_month(year, month):
        raise ValueError('day is out of range for month')


def _check_time(hour, minute, second, microsecond):
    for name, value in (('hour', hour), ('minute', minute), ('second', second), ('microsecond', microsecond)):
        _check_int(name, value)
    if not 0 <= hour <= 23:
        raise ValueError('hour must be in 0..23')
    if not 0 <= minute <= 59:
        raise ValueError('minute must be in 0..59')
    if not 0 <= second <= 59:
        raise ValueError('second must be in 0..59')
    if not 0 <= microsecond <= 999999:
        raise ValueError('microsecond must be in 0..999999')


def _format_time(hh, mm, ss, us, timespec='auto'):
    if timespec == 'auto':
        timespec = 'microseconds' if us else 'seconds'
    if timespec == 'hours':
        return f'{hh:02d}'
    if timespec == 'minutes':
        return f'{hh:02d}:{mm:02d}'
    if timespec == 'seconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}'
    if timespec == 'milliseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}'
    if timespec == 'microseconds':
        return f'{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}'
    raise ValueError('Unknown timespec value')


def _strftime(fmt, timetuple, microsecond):
    if not isinstance(fmt, str):
        raise TypeError(f'strftime() argument 1 must be str, not {type(fmt).__name__}')
    # %f is Python's own; the rest is time.strftime's.
    out = []
    i = 0
    while i < len(fmt):
        if fmt[i] == '%' and i + 1 < len(fmt):
            if fmt[i + 1] == 'f':
                out.append(f'{microsecond:06d}')
            elif fmt[i + 1] in 'zZ':
                pass
            else:
                out.append(fmt[i:i + 2])
            i += 2
        else:
            out.append(fmt[i])
            i += 1
    return _time.strftime(''.join(out), timetuple)


def _time_repr(obj, args):
    """The repr of a time or datetime: seconds and microseconds only when set."""
    if obj._second or obj._microsecond:
        args += f', {obj._second}'
    if obj._microsecond:
        args += f', {obj._microsecond}'
    return f'{type(obj).__module__}.{type(obj).__qualname__}({args})'


def _set_time(self, hour, minute, second, microsecond):
    _check_time(hour, minute, second, microsecond)
    self._hour, self._minute, self._second, self._microsecond = hour, minute, second, microsecond


def _with_time_fields(cls):
    """Gives a time or datetime its read-only hour, minute, second and
    microsecond, and tzinfo (None: naive)."""
    for name in ('hour', 'minute', 'second', 'microsecond'):
        setattr(cls, name, property(lambda self, slot='_' + name: getattr(self, slot)))
    cls.tzinfo = property(lambda self: None)
    return cls


class _Ordered:
    """Comparisons and hash by _key() between values _peer() accepts; any
    other value is left to _unlike() (NotImplemented: Python's default)."""

    __slots__ = ()

    def _compare(self, other, op, test):
        if self._peer(other):
            return test(self._key(), other._key())
        return self._unlike(other, op)

    def _unlike(self, other, op):
        return NotImplemented

    def __eq__(self, other):
        return self._compare(other, '==', lambda a, b: a == b)

    def __lt__(self, other):
        return self._compare(other, '<', lambda a, b: a < b)

    def __le__(self, other):
        return self._compare(other, '<=', lambda a, b: a <= b)

    def __gt__(self, other):
        return self._compare(other, '>', lambda a, b: a > b)

    def __ge__(self, other):
        return self._compare(other, '>=', lambda a, b: a >= b)

    def __hash__(self):
        return hash(self._key())


class timedelta(_Ordered):
    """A duration: days, seconds and microseconds, normalised as CPython
    does (0 <= seconds < 86400, 0 <= microseconds < 1000000)."""

    __slots__ = ('_days', '_seconds', '_microseconds')

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0, hours=0, weeks=0):
        for v in (days, seconds, microseconds, milliseconds, minutes, hours, weeks):
            if not isinstance(v, (int, float)):
                raise TypeError(f'unsupported type for timedelta days component: {type(v).__name__}')
        # Everything in microseconds, rounded half to even as CPython does.
        total = (((weeks * 7 + days) * 24 + hours) * 60 + minutes) * 60 + seconds
        us = total * 1000000 + milliseconds * 1000 + microseconds
        if isinstance(us, float):
            us = round(us)
        d, rest = divmod(us, 86400 * 1000000)
        s, us = divmod(rest, 1000000)
        if abs(d) > 999999999:
            raise OverflowError(f'days={d}; must have magnitude <= 999999999')
        self = object.__new__(cls)
        self._days = d
        self._seconds = s
        self._microseconds = us
        return self

    days = property(lambda self: self._days)
    seconds = property(lambda self: self._seconds)
    microseconds = property(lambda self: self._microseconds)

    def _to_us(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    def total_seconds(self):
        return self._to_us() / 10**6

    def __repr__(self):
        args = []
        if self._days:
            args.append(f'days={self._days}')
        if self._seconds:
            args.append(f'seconds={self._seconds}')
        if self._microseconds:
            args.append(f'microseconds={self._microseconds}')
        if not args:
            args.append('0')
        return f"{type(self).__module__}.{type(self).__qualname__}({', '.join(args)})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        s = f'{hh}:{mm:02d}:{ss:02d}'
        if self._days:
            s = f"{self._days} day{'' if abs(self._days) == 1 else 's'}, " + s
        if self._microseconds:
            s += f'.{self._microseconds:06d}'
        return s

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() + other._to_us())
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() - other._to_us())
        return NotImplemented

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return -self + other
        return NotImplemented

    def __neg__(self):
        return timedelta(microseconds=-self._to_us())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta(microseconds=self._to_us() * other)
        if isinstance(other, float):
            return timedelta(microseconds=round(self._to_us() * other))
        return NotImplemented

    __rmul__ = __mul__

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() // other._to_us()
        if isinstance(other, int):
            return timedelta(microseconds=self._to_us() // other)
        return NotImplemented

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_us() / other._to_us()
        if isinstance(other, (int, float)):
            return timedelta(microseconds=round(self._to_us() / other))
        return NotImplemented

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta(microseconds=self._to_us() % other._to_us())
        return NotImplemented

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_us(), other._to_us())
            return q, timedelta(microseconds=r)
        return NotImplemented

    def _peer(self, other):
        return isinstance(other, timedelta)

    def _key(self):
        # Normalised, so it orders as the durations do.
        return (self._days, self._seconds, self._microseconds)

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59, microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


class date(_Ordered):
    """A day of the proleptic Gregorian calendar."""

    __slots__ = ('_year', '_month', '_day')

    def __new__(cls, year, month, day):
        _check_date(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        return self

    year = property(lambda self: self._year)
    month = property(lambda self: self._month)
    day = property(lambda self: self._day)

    @classmethod
    def today(cls):
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d = _time.gmtime(t)[:3]
        return cls(y, m, d)

    @classmethod
    def fromordinal(cls, n):
        return cls(*_from_ordinal(n))

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            assert len(s) == 10 and s[4] == '-' and s[7] == '-'
            return cls(int(s[0:4]), int(s[5:7]), int(s[8:10]))
        except (AssertionError, ValueError):
            raise ValueError(f'Invalid isoformat string: {s!r}') from None

    def toordinal(self):
        return _to_ordinal(self._year, self._month, self._day)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.toordinal() % 7 or 7

    def timetuple(self):
        yday = self.toordinal() - _to_ordinal(self._year, 1, 1) + 1
        return _time.struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(), yday, -1))

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    def isoformat(self):
        return f'{self._year:04d}-{self._month:02d}-{self._day:02d}'

    __str__ = isoformat

    def ctime(self):
        return f'{_DAY_NAMES[self.isoweekday()]} {_MONTH_NAMES[self._month]} {self._day:2d} 00:00:00 {self._year:04d}'

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple(), 0)

    def __format__(self, spec):
        if not isinstance(spec, str):
            raise TypeError(f'must be str, not {type(spec).__name__}')
        return self.strftime(spec) if spec else str(self)

    def __repr__(self):
        return f'{type(self).__module__}.{type(self).__qualname__}({self._year}, {self._month}, {self._day})'

    def _peer(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def _key(self):
        return (self._year, self._month, self._day)

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if not 0 < n <= _MAX_ORDINAL:
                raise OverflowError('result out of range')
            return type(self).fromordinal(n)
        return NotImplemented

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return NotImplemented


_MAX_ORDINAL = _to_ordinal(MAXYEAR, 12, 31)
date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


@_with_time_fields
class time(_Ordered):
    """A time of day, naive."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond')

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0):
        self = object.__new__(cls)
        _set_time(self, hour, minute, second, microsecond)
        return self

    def isoformat(self, timespec='auto'):
        return _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)

    __str__ = isoformat

    def strftime(self, fmt):
        return _strftime(fmt, (1900, 1, 1, self._hour, self._minute, self._second, 0, 1, -1), self._microsecond)

    def __format__(self, spec):
        return self.strftime(spec) if spec else str(self)

    def __repr__(self):
        return _time_repr(self, f'{self._hour}, {self._minute}')

    def _peer(self, other):
        return isinstance(other, time)

    def _key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def __bool__(self):
        return True


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


@_with_time_fields
class datetime(date):
    """A date with a time of day, naive."""

    __slots__ = ('_hour', '_minute', '_second', '_microsecond')

    def __new__(cls, year, month, day, hour=0, minute=0, second=0, microsecond=0):
        _check_date(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        _set_time(self, hour, minute, second, microsecond)
        return self

    @classmethod
    def now(cls, tz=None):
        if tz is not None:
            raise NotImplementedError('time zones are not available in Looplab')
        return cls.fromtimestamp(_time.time())

    @classmethod
    def today(cls):
        return cls.now()

    utcnow = now

    @classmethod
    def fromtimestamp(cls, t, tz=None):
        if tz is not None:
            raise NotImplementedError('time zones are not available in Looplab')
        us = round(t * 1000000)
        secs, us = divmod(us, 1000000)
        y, m, d, hh, mm, ss = _time.gmtime(secs)[:6]
        return cls(y, m, d, hh, mm, ss, us)

    @classmethod
    def combine(cls, d, t):
        return cls(d.year, d.month, d.day, t.hour, t.minute, t.second, t.microsecond)

    @classmethod
    def fromisoformat(cls, s):
        if not isinstance(s, str):
            raise TypeError('fromisoformat: argument must be str')
        try:
            d = date.fromisoformat(s[:10])
            hh = mm = ss = us = 0
            if len(s) > 10:
                assert s[10] in 'T '
                t = s[11:]
                hh = int(t[0:2])
                if len(t) > 2:
                    assert t[2] == ':'
                    mm = int(t[3:5])
                if len(t) > 5:
                    assert t[5] == ':'
                    ss = int(t[6:8])
                if len(t) > 8:
                    frac = t[9:]
                    assert t[8] in '.,' and 1 <= len(frac) <= 6 and frac.isdigit()
                    us = int(frac.ljust(6, '0'))
            return cls(d.year, d.month, d.day, hh, mm, ss, us)
        except (AssertionError, ValueError, IndexError):
            raise ValueError(f'Invalid isoformat string: {s!r}') from None

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond)

    def timestamp(self):
        return (self.toordinal() - _EPOCH_ORDINAL) * 86400 + self._hour * 3600 + self._minute * 60 + self._second + self._microsecond / 1e6

    def timetuple(self):
        yday = self.toordinal() - _to_ordinal(self._year, 1, 1) + 1
        return _time.struct_time((self._year, self._month, self._day, self._hour, self._minute, self._second, self.weekday(), yday, -1))

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None, microsecond=None):
        pick = lambda new, old: old if new is None else new
        return type(self)(pick(year, self._year), pick(month, self._month), pick(day, self._day),
                          pick(hour, self._hour), pick(minute, self._minute), pick(second, self._second),
                          pick(microsecond, self._microsecond))

    def isoformat(self, sep='T', timespec='auto'):
        return date.isoformat(self) + sep + _format_time(self._hour, self._minute, self._second, self._microsecond, timespec)

    def __str__(self):
        return self.isoformat(sep=' ')

    def ctime(self):
        return (f'{_DAY_NAMES[self.isoweekday()]} {_MONTH_NAMES[self._month]} {self._day:2d} '
                f'{self._hour:02d}:{self._minute:02d}:{self._second:02d} {self._year:04d}')

    def strftime(self, fmt):
        return _strftime(fmt, self.timetuple(), self._microsecond)

    def __repr__(self):
        return _time_repr(self, f'{self._year}, {self._month}, {self._day}, {self._hour}, {self._minute}')

    def _peer(self, other):
        return isinstance(other, datetime)

    def _unlike(self, other, op):
        # A date is never equal to a datetime, nor ordered with one.
        if not isinstance(other, date):
            return NotImplemented
        if op == '==':
            return False
        raise TypeError(f"'{op}' not supported between instances of 'datetime.{type(self).__name__}' and 'datetime.{type(other).__name__}'")

    def _key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second, self._microsecond)

    def _us(self):
        return ((self.toordinal() * 86400 + self._hour * 3600 + self._minute * 60 + self._second) * 1000000
                + self._microsecond)

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return NotImplemented
        us = self._us() + other._to_us()
        days, rest = divmod(us, 86400 * 1000000)
        if not 0 < days <= _MAX_ORDINAL:
            raise OverflowError('date value out of range')
        secs, us = divmod(rest, 1000000)
        hh, rest = divmod(secs, 3600)
        mm, ss = divmod(rest, 60)
        return type(self).combine(date.fromordinal(days), time(hh, mm, ss, us))

    __radd__ = __add__

    def __sub__(self, other):
        if isinstance(other, datetime):
            return timedelta(microseconds=self._us() - other._us())
        if isinstance(other, timedelta):
            return self + -other
        return NotImplemented


_EPOCH_ORDINAL = _to_ordinal(1970, 1, 1)
datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

for _cls in (timedelta, date, time, datetime):
    _cls.__module__ = 'datetime'
del _cls
