def classify(cmd):
    match cmd.split():
        case []:
            return "empty"
        case [single]:
            return f"one word: {single}"
        case ["go", direction]:
            return f"going {direction}"
        case ["pick", "up", *items]:
            return f"picking up {items}"
        case [first, *_, last]:
            return f"first={first} last={last}"
for c in ["", "look", "go north", "pick up sword shield", "pick up", "a b c d"]:
    print(repr(c), "->", classify(c))
