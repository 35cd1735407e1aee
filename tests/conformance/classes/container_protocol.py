class Deck:
    def __init__(self, cards):
        self._cards = list(cards)
    def __len__(self):
        return len(self._cards)
    def __getitem__(self, i):
        return self._cards[i]
    def __setitem__(self, i, v):
        self._cards[i] = v
    def __delitem__(self, i):
        del self._cards[i]
    def __contains__(self, item):
        print("  __contains__ called")
        return item in self._cards
d = Deck("ABCDE")
print(len(d), d[0], d[-1], d[1:3])
d[0] = "Z"
del d[1]
print(list(d), "C" in d, "Q" in d)
print([c for c in d], sorted(d, reverse=True), bool(d), bool(Deck([])))
for i, c in enumerate(d):
    print(i, c)
try:
    d[10]
except IndexError as e:
    print(type(e).__name__, e)
