class Counter:
    pass

c = Counter()
c.total += 1
