from collections import deque
d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1])
print(d.pop(), d.popleft(), d)
d.extend([7, 8])
d.extendleft([-1, -2])
print(d)
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
bounded = deque(maxlen=3)
for i in range(6):
    bounded.append(i)
    print(list(bounded), end=" ")
print()
print(bounded, deque("abc", maxlen=2), deque())
try:
    deque().pop()
except IndexError as e:
    print(type(e).__name__, e)
