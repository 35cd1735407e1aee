import sys
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(900))
def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)
print(sum_to(900))
print(sys.getrecursionlimit())
