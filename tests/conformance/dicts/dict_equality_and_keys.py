print({"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: "a"} == {1.0: "a"}, {} == dict())
d = {1: "int", 2.5: "float", "s": "str", (1, 2): "tuple", None: "none", True: "bool?", frozenset([1]): "fs"}
print(d)
print(d[1], d[True], d[1.0], d[None], d[(1, 2)], d[frozenset({1})])
print(len(d))
