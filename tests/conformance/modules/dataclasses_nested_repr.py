from dataclasses import dataclass, field, asdict
@dataclass
class Address:
    city: str
    zip: str = "00000"
@dataclass
class Person:
    name: str
    address: Address
    nicknames: list[str] = field(default_factory=list)
    meta: dict = field(default_factory=dict)
p = Person("Ann", Address("Paris"), ["A"], {"age": 30})
print(p)
print(asdict(p))
print(repr(Address("it's")))
try:
    @dataclass
    class Bad:
        items: list = []
except ValueError as e:
    print(type(e).__name__, e)
