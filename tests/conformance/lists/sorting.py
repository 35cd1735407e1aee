words = ["banana", "Apple", "cherry", "date", "Elder", "fig"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
nums = [5, -2, 9, 0, -7, 3]
nums.sort()
print(nums)
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted([3, 1, 2]) == [1, 2, 3], [].sort() is None)
