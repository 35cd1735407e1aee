def combine(*parts):
    return "".join(parts)

text = combine(
    "a",
    "b",
    "c",
    "d",
    "e",
    5,
)
