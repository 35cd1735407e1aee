print("{} and {}".format("spam", "eggs"))
print("{1} and {0}".format("spam", "eggs"))
print("{0}{1}{0}".format("abra", "cad"))
print("{name} is {age}".format(name="Ann", age=30))
print("{0[0]} {0[2]} {1[key]}".format([10, 20, 30], {"key": "v"}))
class P:
    x = 3
    y = [4, 5]
print("{0.x} {0.y[1]} {p.x}".format(P(), p=P()))
print("{{literal}} {}".format("braces"))
print("{!r} {!s} {!a}".format("q", "q", "é"))
print("{:>8} {:<8}| {:^8} {:*^9}".format("r", "l", "c", "mid"))
print("{0:{1}} {0:{fill}>{w}}".format(42, 6, fill="_", w=5))
try:
    "{} {}".format(1)
except IndexError as e:
    print(type(e).__name__, e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print(type(e).__name__, e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print(type(e).__name__, e)
