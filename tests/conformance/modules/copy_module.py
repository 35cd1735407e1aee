import copy
orig = {"list": [1, [2, 3]], "n": 1}
shallow = copy.copy(orig)
deep = copy.deepcopy(orig)
orig["list"][1].append(4)
orig["n"] = 99
print(orig)
print(shallow)
print(deep)
class P:
    def __init__(self, items):
        self.items = items
p = P([1])
q = copy.copy(p)
r = copy.deepcopy(p)
p.items.append(2)
print(q.items, r.items, q is p)
