data = {"a": [1, 2, 3]}
total = 0
total += data["a"][5]
