print("%s is %d years" % ("Bob", 42))
print("%5d|%-5d|%05d|%+d" % (42, 42, 42, 42))
print("%.2f|%8.3f|%-8.1f|%e|%.3E" % (3.14159, 2.71828, 1.5, 12345.678, 0.000123))
print("%x %X %o %#x %#o %c %c" % (255, 255, 8, 255, 8, 65, "z"))
print("%r %s %a" % ("hi", "hi", "é"))
print("100%% sure, %s%%" % 50)
print("%(name)s has %(count)d items" % {"name": "cart", "count": 3})
print("%s" % [1, 2], "%s" % (1,), "%s %s" % ("a", "b"))
print("%g %g %g %G" % (0.00001, 123456789, 1.5, 1e-10))
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
for bad in [("%d", "x"), ("%s %s", ("a",)), ("%s", ("a", "b"))]:
    try:
        print(bad[0] % bad[1])
    except TypeError as e:
        print(type(e).__name__, e)
