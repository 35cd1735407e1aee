from dataclasses import dataclass, field, asdict, astuple, replace, fields
@dataclass
class Item:
    name: str
    price: float
    qty: int = 1
    tags: list = field(default_factory=list)
a = Item("pen", 1.5)
b = Item("book", 12.0, 2, ["paper"])
print(a)
print(b)
print(a == Item("pen", 1.5), a == b)
a.tags.append("blue")
print(a.tags, Item("x", 0).tags)
print(asdict(b), astuple(b))
print(replace(a, qty=10))
print([f.name for f in fields(Item)])
try:
    Item()
except TypeError as e:
    print(type(e).__name__, e)
