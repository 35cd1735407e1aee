nums = [3, 1, 2]
print(f"{sorted(nums)} {sum(nums)} {max(nums)}")
print(f"{'yes' if nums else 'no'}")
print(f"{[n * 2 for n in nums]}")
print(f"{(lambda v: v + 1)(5)}")
print(f"{nums[0]:>{nums[1] + 3}}")
print(f"{len('abc'):03}")
print(f"{3 > 2} {not True} {1 if 0 else 2}")
d = {"a": 1}
print(f"{d.get('b', 'missing')}")
