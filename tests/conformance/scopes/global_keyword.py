total = 0
def add(n):
    global total
    total += n
    return total
print(add(5), add(10), total)
def create():
    global created
    created = "yes"
create()
print(created)
def read_only():
    return total * 2
print(read_only())
