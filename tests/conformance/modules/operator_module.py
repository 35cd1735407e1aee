import operator
from operator import itemgetter, attrgetter, methodcaller
rows = [("b", 2), ("a", 3), ("c", 1)]
print(sorted(rows, key=itemgetter(1)), sorted(rows, key=itemgetter(0)))
print(itemgetter(0, 2)("xyz"), attrgetter("real")(3), methodcaller("upper")("abc"))
print(operator.add(2, 3), operator.mul("a", 3), operator.neg(5), operator.truediv(7, 2), operator.floordiv(-7, 2))
print(operator.eq(1, 1.0), operator.contains([1, 2], 2), operator.getitem({"k": "v"}, "k"))
