class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    __radd__ = __add__
    def __repr__(self):
        return f"Money({self.cents})"
print(Money(5) + Money(7), Money(5) + 1, 1 + Money(5), sum([Money(1), Money(2)]))
try:
    Money(1) + "x"
except TypeError as e:
    print(type(e).__name__, e)
try:
    "x" + Money(1)
except TypeError as e:
    print(type(e).__name__, e)
