# The int/str conversion limit: its default, raising and lowering it, and
# the errors it gives, as sys.set_int_max_str_digits() documents.
import sys

print(sys.get_int_max_str_digits(), sys.int_info.default_max_str_digits)
print(sys.flags.int_max_str_digits, sys.flags.debug)
big = 10 ** 5000
for convert in (str, repr, lambda n: f"{n}", lambda n: "%d" % n, lambda n: format(n, ",")):
    try:
        convert(big)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("7" * 5000)
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(6000)
print(sys.get_int_max_str_digits(), len(str(big)), len("%d" % big), len(f"{big:,}"))
print(int("7" * 5000) % 1000)
try:
    print(len(str(10 ** 6000)))
except ValueError as e:
    print("ValueError:", e)
sys.set_int_max_str_digits(maxdigits=640)
print(sys.get_int_max_str_digits())
for bad in (100, -1, "x", 700.0):
    try:
        sys.set_int_max_str_digits(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
for call in (lambda: sys.set_int_max_str_digits(), lambda: sys.get_int_max_str_digits(1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits(), len(str(10 ** 20000)), hex(10 ** 5000)[:8])
print(sys.flags.int_max_str_digits)
