def min_max(seq):
    return min(seq), max(seq)
lo, hi = min_max([4, 8, 1, 9])
print(lo, hi, min_max("hello"))
result = min_max([3])
print(result, type(result).__name__)
def stats(*nums):
    total = sum(nums)
    return total, total / len(nums), len(nums)
print(stats(1, 2, 3, 4))
x, (y, z) = 1, (2, 3)
print(x, y, z)
a = b = c = 0
a, b = 1, a
print(a, b, c)
