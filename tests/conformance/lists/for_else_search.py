def find(items, target):
    for i, item in enumerate(items):
        if item == target:
            print("  found at", i)
            break
    else:
        print("  not found")
        return -1
    return i
print(find([4, 5, 6], 5))
print(find([4, 5, 6], 9))
print(find([], 1))
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, end=" ")
print()
