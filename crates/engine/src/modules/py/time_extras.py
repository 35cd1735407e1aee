"""time.struct_time, the record gmtime() and localtime() return (the
engine's local time is UTC), and mktime(), their inverse."""

import sys as _sys


class struct_time(_sys._StructSeq):
    _fields = ('tm_year', 'tm_mon', 'tm_mday', 'tm_hour', 'tm_min', 'tm_sec', 'tm_wday', 'tm_yday', 'tm_isdst')
    _repr_name = 'time.struct_time'
    tm_zone = 'UTC'
    tm_gmtoff = 0


_gmtime = gmtime
_localtime = localtime


def gmtime(secs=None, /):
    return struct_time(_gmtime(secs))


def localtime(secs=None, /):
    return struct_time(_localtime(secs))


def mktime(t, /):
    if len(t) != 9:
        raise TypeError('mktime(): illegal time tuple argument')
    year, month, day, hour, minute, second = (int(v) for v in t[:6])
    # Days since 1970-01-01, months counted from March so leap days fall last.
    y = year - (month <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * ((month + 9) % 12) + 2) // 5 + day - 1
    days = era * 146097 + yoe * 365 + yoe // 4 - yoe // 100 + doy - 719468
    return float(days * 86400 + hour * 3600 + minute * 60 + second)
