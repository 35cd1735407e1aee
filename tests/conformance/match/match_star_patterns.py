def ends(seq):
    match seq:
        case [first, *middle, last]:
            return first, middle, last
        case [only]:
            return only, [], only
        case []:
            return None
for s in [[1, 2, 3, 4], [1, 2], [9], [], "ab", "x", (5, 6, 7)]:
    print(repr(s), ends(s))
