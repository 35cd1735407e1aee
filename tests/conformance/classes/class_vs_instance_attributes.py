class Counter:
    count = 0
    shared = []
    def __init__(self):
        Counter.count += 1
        self.shared.append(Counter.count)
        self.own = []
a = Counter()
b = Counter()
print(Counter.count, a.count, b.shared, a.shared is b.shared)
a.count = 100
print(a.count, b.count, Counter.count)
del a.count
print(a.count)
a.own.append(1)
print(a.own, b.own)
Counter.count = 7
print(a.count, b.count, "count" in vars(a))
