counter = 0
def bump():
    global counter
    countr += 1

bump()
