class Node:
    def __init__(self):
        self.other = None
    def __repr__(self):
        return f"Node({self.other!r})"
a = Node()
b = Node()
a.other = b
b.other = a
try:
    repr(a)
except RecursionError as e:
    print(type(e).__name__, e)
print("still running")
