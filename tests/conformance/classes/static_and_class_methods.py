class Pizza:
    count = 0
    def __init__(self, toppings):
        self.toppings = toppings
        Pizza.count += 1
    @classmethod
    def margherita(cls):
        return cls(["mozzarella", "tomato"])
    @staticmethod
    def slices(diameter):
        return diameter // 5
    def __repr__(self):
        return f"{type(self).__name__}({self.toppings})"
class BigPizza(Pizza):
    pass
print(Pizza.margherita(), BigPizza.margherita(), Pizza.count)
print(Pizza.slices(30), Pizza([]).slices(12), Pizza.count)
print(type(Pizza.__dict__["slices"]).__name__, type(Pizza.__dict__["margherita"]).__name__)
