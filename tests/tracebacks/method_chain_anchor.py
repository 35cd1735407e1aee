class Box:
    def __init__(self, items):
        self.items = items

    def get(self, i):
        return self.items[i]

b = Box([1, 2])
print(b.get(0) + b.get(5))
