name = input()
print(f"Hello, {name}!")
age = int(input("Age? "))
print("Next year:", age + 1)
nums = list(map(int, input().split()))
print(nums, sum(nums))
line = input()
print(repr(line))
try:
    input()
except EOFError as e:
    print(type(e).__name__, e)
