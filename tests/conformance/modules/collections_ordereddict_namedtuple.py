from collections import OrderedDict, namedtuple
od = OrderedDict()
od["b"] = 2
od["a"] = 1
od["c"] = 3
print(od)
od.move_to_end("b")
print(od, list(od))
od.move_to_end("c", last=False)
print(od)
print(od.popitem(), od.popitem(last=False), od)
print(OrderedDict(a=1) == OrderedDict(a=1), OrderedDict(a=1, b=2) == OrderedDict(b=2, a=1), OrderedDict(a=1, b=2) == dict(b=2, a=1))
print(OrderedDict(), repr(OrderedDict([("x", [1])])))
Emp = namedtuple("Emp", "name dept salary")
staff = [Emp("ann", "eng", 100), Emp("bob", "ops", 80)]
print(staff)
print(max(staff, key=lambda e: e.salary).name, staff[0]._replace(salary=120))
