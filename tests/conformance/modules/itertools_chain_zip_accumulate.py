from itertools import chain, zip_longest, accumulate, starmap, compress, pairwise, batched, dropwhile, takewhile, filterfalse, tee
import operator
print(list(chain([1, 2], "ab", (3,))), list(chain.from_iterable([[1], [2, 3], []])))
print(list(zip_longest("abc", [1])), list(zip_longest("ab", "xyz", fillvalue="-")))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3, 4], operator.mul)), list(accumulate([3, 1, 4], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(starmap(pow, [(2, 3), (3, 2)])), list(compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(pairwise("abcd")), list(batched(range(7), 3)))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(6))))
a, b = tee([1, 2, 3])
print(list(a), list(b))
