import random
random.seed(42)
first = [random.randint(1, 6) for _ in range(10)]
random.seed(42)
second = [random.randint(1, 6) for _ in range(10)]
print(first)
print(first == second)
random.seed("text seed")
print(random.random())
r = random.Random(7)
print(r.randint(0, 1000), r.choice(["a", "b", "c"]), round(r.gauss(0, 1), 6))
random.seed(0)
print([round(random.random(), 4) for _ in range(3)])
state = random.getstate()
a = random.random()
random.setstate(state)
print(a == random.random())
