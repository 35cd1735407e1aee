print("looking up")
try:
    {}["missing"]
except KeyError as e:
    raise RuntimeError("lookup failed") from e
