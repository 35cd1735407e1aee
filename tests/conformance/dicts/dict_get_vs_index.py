inventory = {"apples": 3, "pears": 0}
for item in ["apples", "pears", "plums"]:
    if item in inventory:
        print(item, "in stock" if inventory[item] else "sold out")
    else:
        print(item, "unknown")
print(inventory.get("plums", 0) + 5)
print(bool({}), bool({"": 0}), len({}))
