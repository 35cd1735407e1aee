d = {}
d["missing key"]
