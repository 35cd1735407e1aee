def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "inner changed middle"
        inner()
        return x
    result = middle()
    return x, result
print(outer())
def accumulator():
    items = []
    total = 0
    def add(v):
        nonlocal total
        items.append(v)
        total += v
        return total, list(items)
    return add
acc = accumulator()
print(acc(1), acc(5))
