def accumulator():
    total = 0
    while True:
        value = yield total
        print("  received", value)
        if value is None:
            break
        total += value
    return total
g = accumulator()
print(next(g))
print(g.send(10))
print(g.send(5))
try:
    g.send(None)
except StopIteration as e:
    print("returned", e.value)
g2 = accumulator()
try:
    g2.send(1)
except TypeError as e:
    print(type(e).__name__, e)
