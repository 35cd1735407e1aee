import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(2000))
sys.setrecursionlimit(old)
print(sys.getrecursionlimit())
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print(type(e).__name__, e)
