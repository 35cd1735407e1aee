class Dog:
    species = "canine"
    def __init__(self, name, age):
        self.name = name
        self.age = age
    def speak(self):
        return f"{self.name} says woof"
    def birthday(self):
        self.age += 1
        return self
d = Dog("Rex", 3)
print(d.name, d.age, d.species, Dog.species)
print(d.speak(), Dog.speak(d))
print(d.birthday().birthday().age)
print(type(d).__name__, isinstance(d, Dog), type(d) is Dog)
print(sorted(vars(d).items()))
