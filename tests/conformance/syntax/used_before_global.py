counter = 0
def bump():
    counter = 5
    global counter
    counter += 1
