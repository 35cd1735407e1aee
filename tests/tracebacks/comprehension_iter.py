data = None
squares = [x * x for x in data]
