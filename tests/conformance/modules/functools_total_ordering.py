from functools import total_ordering, cmp_to_key
@total_ordering
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return self.cents == other.cents
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
a, b = Money(150), Money(99)
print(a > b, a >= b, a <= b, a < b, a == Money(150), a != b)
print(sorted([Money(5), Money(1), Money(3)]), max(a, b))
def compare(x, y):
    return (x > y) - (x < y)
print(sorted([3, 1, 2], key=cmp_to_key(lambda x, y: compare(y, x))))
print(sorted(["bb", "a", "ccc"], key=cmp_to_key(lambda x, y: len(x) - len(y))))
