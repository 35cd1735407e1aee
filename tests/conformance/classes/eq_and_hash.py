class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __eq__(self, other):
        if not isinstance(other, Card):
            return NotImplemented
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __repr__(self):
        return f"Card({self.rank}{self.suit})"
a, b, c = Card(10, "h"), Card(10, "h"), Card(2, "s")
print(a == b, a is b, a != c, a == "10h", a != 5)
print(len({a, b, c}), {a: 1}[b])
class NoHash:
    def __eq__(self, other):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print(type(e).__name__, e)
print(NoHash() == 5, NoHash.__hash__)
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), hash(p) == hash(p))
