class Loud(dict):
    def get(self, key, default=None):
        print("  get", key)
        return super().get(key, default)
match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1}:
        print("extra keys are ignored")
match {"a": 1, "b": 2}:
    case {"a": _, **rest}:
        print("rest", rest)
match {1: "int key", "1": "str key"}:
    case {1: v}:
        print("int key lookup", v)
match {"x": None}:
    case {"x": None}:
        print("None value matched")
match {}:
    case {"x": _}:
        print("no")
    case {}:
        print("empty dict matches {}")
