def count_up(n):
    print("  start")
    i = 0
    while i < n:
        print("  yielding", i)
        yield i
        i += 1
    print("  end")
g = count_up(3)
print(type(g).__name__)
print("first next:", next(g))
print("second next:", next(g))
print("rest:", list(g))
print("again:", list(g))
try:
    next(g)
except StopIteration:
    print("StopIteration")
