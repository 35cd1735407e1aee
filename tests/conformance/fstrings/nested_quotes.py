d = {"key": "value", "n": 5}
print(f"{d['key']} {d["n"]}")
print(f'{d["key"]}')
print(f"""{d["key"]} and {'single'}""")
print(f"{'a' + "b" + '''c'''}")
print(f"{f'{d["n"] * 2}'}")
names = ["ann", "bob"]
print(f"{', '.join(n.title() for n in names)}")
print(f"{"nested " + f"{"deep"}"}")
