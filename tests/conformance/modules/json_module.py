import json
data = {"name": "Ann", "tags": ["a", "b"], "age": 30, "ok": True, "none": None, "pi": 3.14, "nested": {"k": [1, 2]}}
s = json.dumps(data)
print(s)
print(json.dumps(data, indent=2, sort_keys=True))
print(json.loads(s) == data, json.loads('[1, "two", null, false, 1.5e3]'))
print(json.dumps("é\n\"q\""), json.dumps("é", ensure_ascii=False), json.dumps((1, 2)), json.dumps({1: "int key"}))
try:
    json.loads("{bad json}")
except json.JSONDecodeError as e:
    print(type(e).__name__, e)
try:
    json.dumps({1, 2})
except TypeError as e:
    print(type(e).__name__, e)
