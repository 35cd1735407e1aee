scores = {"ann": 3}
del scores["bob"]
