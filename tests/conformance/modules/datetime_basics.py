# datetime: fixed dates and times (now() is the clock's), their forms and
# arithmetic, as tutorial code uses them for timestamps and durations.
import datetime
from datetime import date, time, timedelta

d = datetime.datetime(2024, 2, 28, 23, 59, 30, 250000)
print(d, repr(d))
print(d.isoformat(), d.isoformat(' ', 'seconds'), d.isoformat(timespec='milliseconds'))
print(d.strftime('%Y-%m-%d %H:%M:%S.%f %A %B %j %I %p'), f'{d:%H:%M}')
print(d.date(), repr(d.date()), d.time(), repr(d.time()))
later = d + timedelta(seconds=45)
print(later, later - d, (later - d).total_seconds())
print(d + timedelta(days=1), d - timedelta(weeks=1, hours=2))
print(datetime.datetime(2024, 3, 1) - d)
print(d - datetime.datetime(2024, 3, 1))
print(d < later, d == d.replace(), hash(d) == hash(d.replace()), d.replace(year=2023, day=1))
print(datetime.datetime(2020, 1, 1), repr(datetime.datetime(2020, 1, 1, 12, 30)))
print(datetime.datetime.fromisoformat('2024-05-06T07:08:09.5'), datetime.datetime.fromtimestamp(0))
print(datetime.datetime(2024, 1, 1).timestamp(), d.weekday(), d.isoweekday(), d.ctime())

for td in [timedelta(0), timedelta(1), timedelta(-1), timedelta(seconds=-1), timedelta(hours=25, minutes=3),
           timedelta(milliseconds=1500), timedelta(days=-2, seconds=30, microseconds=7), timedelta(seconds=0.25),
           timedelta(weeks=3, days=-1)]:
    print(str(td), repr(td), td.days, td.seconds, td.microseconds, td.total_seconds(), bool(td))
a, b = timedelta(minutes=90), timedelta(seconds=40)
print(a + b, a - b, b - a, -a, abs(-a), a * 2, 3 * b, a / 2, a / b, a // b, a % b, divmod(a, b), a // 7, b * 1.5)
print(a > b, a == timedelta(hours=1.5), sorted([a, b, timedelta(0)]), max(a, b))

x = date(2024, 12, 31)
print(x, repr(x), x + timedelta(days=1), x - date(2024, 1, 1), x.strftime('%d/%m/%Y'), x.toordinal(), date.fromordinal(1))
print(date(2000, 2, 29).replace(year=2004), date.fromisoformat('1999-12-31'), x.timetuple()[:3], x.ctime())
print(time(9, 5), repr(time(9, 5, 3, 40)), time(23, 59, 59, 1).isoformat('milliseconds'), time(7).strftime('%H:%M:%S'))
print(datetime.datetime.combine(x, time(8, 30)), datetime.MINYEAR, datetime.MAXYEAR, timedelta.max, timedelta.resolution)

for bad in [lambda: date(2023, 2, 29), lambda: datetime.datetime(2024, 13, 1), lambda: time(24),
            lambda: datetime.datetime(2024, 1, 1, 0, 60), lambda: date.fromisoformat('2024-1-1'),
            lambda: datetime.datetime(2024, 1, 1) < date(2024, 1, 1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

now = datetime.datetime.now()
print(type(now).__name__, now.year >= 2023, datetime.date.today() == now.date())
