from itertools import groupby
data = "aaabbcaaa"
print([(k, len(list(g))) for k, g in groupby(data)])
people = [("ann", "eng"), ("bob", "eng"), ("cid", "ops"), ("dee", "eng")]
for dept, members in groupby(people, key=lambda p: p[1]):
    print(dept, [m[0] for m in members])
for dept, members in groupby(sorted(people, key=lambda p: p[1]), key=lambda p: p[1]):
    print(dept, [m[0] for m in members])
nums = [1, 3, 5, 2, 4, 7, 9, 6]
print([(k, list(g)) for k, g in groupby(nums, key=lambda n: n % 2 == 0)])
print(list(groupby([])))
