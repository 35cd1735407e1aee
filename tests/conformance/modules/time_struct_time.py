# time.struct_time from gmtime()/localtime() (local time is UTC), mktime().
import time, datetime
t = time.localtime(0)
print(t)
print(t.tm_year, t.tm_wday, t.tm_zone, t[0], len(t), t == (1970, 1, 1, 0, 0, 0, 3, 1, 0), isinstance(t, tuple))
g = time.gmtime(1_000_000_000.7)
print(g, g.tm_hour, g.tm_yday)
print(time.mktime(g), time.mktime((2024, 2, 29, 12, 0, 0, 0, 0, 0)), time.mktime(time.localtime(86400 * 400)))
print(time.strftime('%Y-%m-%d %H:%M', g), time.asctime(g) if hasattr(time, 'asctime') else '')
print(datetime.datetime(2024, 3, 1, 5, 6, 7).timetuple())
print(datetime.date(2024, 3, 1).timetuple().tm_yday)
try:
    t.tm_bogus
except AttributeError as e:
    print(e)
