from functools import reduce
nums = [3, 1, 4, 1, 5, 9, 2, 6]
print(reduce(lambda a, b: a * b, nums), reduce(lambda a, b: a + b, [], 0))
print(list(map(str, nums)), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(sorted(nums, key=lambda n: (n % 3, n)))
print(max(nums, key=lambda n: -n), min("apple", "fig", key=len))
print(list(zip(nums, map(lambda n: n * n, nums)))[:3])
