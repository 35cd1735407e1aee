def nothing():
    pass
def early(x):
    if x < 0:
        return "negative"
    if x == 0:
        return
    return "positive"
def multi():
    return 1, [2], "three"
print(nothing(), early(-1), early(0), early(5), multi())
def gen_or_not(flag):
    if flag:
        return [1, 2]
    return None
r = gen_or_not(False)
print(r is None, gen_or_not(True))
