class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("  __bool__ called")
        return self.v
print(bool(Empty()), bool(Full()), bool(object()))
print("yes" if Flag(True) else "no")
print(not Flag(False))
print(Flag(False) or "fallback")
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print(type(e).__name__, e)
