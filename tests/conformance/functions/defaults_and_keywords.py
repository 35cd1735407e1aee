def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cid", punct="?"))
print(greet(greeting="Yo", name="Dee"))
print(greet("Eve", "Hey", "."))
print(greet.__defaults__, greet.__name__)
