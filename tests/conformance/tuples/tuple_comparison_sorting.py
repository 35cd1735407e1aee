people = [("bob", 25), ("alice", 30), ("carol", 25), ("alice", 22)]
print(sorted(people))
print(sorted(people, key=lambda p: (p[1], p[0])))
print(max(people), min(people, key=lambda p: p[1]))
print((1, "a") < (1, "b"), (2,) > (1, 99, 99), (1, 2, 3) == (1, 2, 3))
try:
    (1, "a") < ("a", 1)
except TypeError as e:
    print(type(e).__name__, e)
