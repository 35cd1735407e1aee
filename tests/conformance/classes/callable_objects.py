class Multiplier:
    def __init__(self, k):
        self.k = k
        self.calls = 0
    def __call__(self, x):
        self.calls += 1
        return x * self.k
triple = Multiplier(3)
print(triple(4), triple("ab"), triple.calls, callable(triple))
print(list(map(triple, [1, 2])), triple.calls)
class NotCallable:
    pass
try:
    NotCallable()()
except TypeError as e:
    print(type(e).__name__, e)
