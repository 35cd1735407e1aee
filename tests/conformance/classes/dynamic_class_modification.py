class Box:
    pass
b1 = Box()
Box.color = "red"
print(b1.color)
def describe(self):
    return f"a {self.color} box"
Box.describe = describe
print(b1.describe())
b1.color = "blue"
print(b1.describe(), Box.color)
b1.describe = lambda: "instance override"
print(b1.describe(), Box().describe())
Dyn = type("Dyn", (Box,), {"size": 3, "grow": lambda self: self.size * 2})
d = Dyn()
print(Dyn.__name__, d.size, d.grow(), d.color, isinstance(d, Box))
