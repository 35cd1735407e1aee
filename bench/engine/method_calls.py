class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, k):
        self.n += k
        return self
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x * self.x + self.y * self.y
c = Counter()
acc = 0
for i in range(500_000):
    c.inc(1)
    acc += Point(i, 1).norm2() % 3
print(c.n, acc)
