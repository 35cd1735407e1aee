def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        term = yield average
        total += term
        count += 1
        average = total / count
avg = averager()
next(avg)
for v in [10, 20, 30, 5]:
    print(avg.send(v))
def printer(prefix):
    try:
        while True:
            line = yield
            print(prefix, line)
    finally:
        print(prefix, "closing")
p = printer(">>")
next(p)
p.send("hello")
p.send("world")
p.close()
