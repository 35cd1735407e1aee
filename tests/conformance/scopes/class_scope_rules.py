x = "module"
class C:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    def method2(self):
        return self.x
print(C.y, C().method(), C().method2())
class D:
    items = [1, 2]
    total = sum(items)
    def get(self):
        try:
            return items
        except NameError as e:
            return f"NameError: {e}"
print(D.total, D().get())
