def square(x):
    return x * x

items = [1, 2, None]
print(sum(square(v) for v in items))
