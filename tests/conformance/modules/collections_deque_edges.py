# deque edge cases: errors and their messages, maxlen, mutation while
# iterating or comparing, subclasses, copies, recursive repr.
from collections import deque
import copy


def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)


d = deque([1, 2, 3], 5)
t(lambda: d)
t(lambda: deque())
t(lambda: deque(maxlen=0))
t(lambda: str(d))
t(lambda: deque(maxlen=-1))
t(lambda: deque(maxlen='a'))
t(lambda: deque(1))
t(lambda: deque().pop())
t(lambda: deque().popleft())
t(lambda: deque([1], 1).insert(0, 2))
t(lambda: d.index(9))
t(lambda: d.remove(9))
t(lambda: d[10])
t(lambda: d[-4])
t(lambda: d['a'])
t(lambda: d[1:2])
t(lambda: d + [1])
t(lambda: d + deque([7]))
t(lambda: d * 2)
t(lambda: 3 * deque([1], 2))
t(lambda: hash(d))


def set_maxlen():
    d.maxlen = 3


t(set_maxlen)
t(lambda: d.maxlen)
t(lambda: d.index(2, 0, 1))
t(lambda: d.index(2, -2))
t(lambda: d.index())


def grow_while_iterating():
    x = deque([1, 2, 3])
    for i in x:
        x.append(4)


t(grow_while_iterating)


def assign_while_iterating():
    x = deque([1, 2, 3])
    for i in x:
        x[0] = 5
    return x


t(assign_while_iterating)


def clear_while_removing():
    class E:
        def __eq__(self, other):
            y.clear()
            return False
    y = deque([E(), 1])
    y.remove(1)


t(clear_while_removing)
t(lambda: deque([1, 2]) < deque([1, 3]))
t(lambda: deque([1]) == [1])
t(lambda: deque([1, 2]) >= deque([1, 2]))
t(lambda: bool(deque()))
x = deque()
x.append(x)
t(lambda: x)
t(lambda: deque[int])
t(lambda: d.rotate('a'))
t(lambda: d.copy())
t(lambda: d.count(1))
t(lambda: deque([1, 2, 3]).insert(10, 9))
t(lambda: deque([1, 2, 3]).insert(-10, 9))
t(lambda: d.__init__([9, 8]) or d)
t(lambda: deque([], 2).extend(1))
t(lambda: deque(range(10), 3))
t(lambda: deque([1]).pop(0))
t(lambda: deque(iterable=[1], maxlen=2))
t(lambda: deque([1], 2, 3))
x = deque([1, 2, 3])
x *= 2
t(lambda: x)
x += [5]
t(lambda: x)
del x[0]
t(lambda: x)
t(lambda: 2 in x)
y = deque([1, 2, 3], 2)
y.extendleft([7, 8])
t(lambda: y)
y = deque([1, 2, 3, 4, 5])
y.rotate(2)
t(lambda: y)
y.rotate(-3)
t(lambda: y)
t(lambda: list(reversed(y)))
t(lambda: copy.copy(d))
t(lambda: copy.deepcopy(deque([[1], [2]], 4)))
z = deque([1])
z.append(z)
t(lambda: copy.deepcopy(z))
t(lambda: deque([1, 2, 3], 2) * 3)
t(lambda: deque('abc', 2))


class S(deque):
    pass


t(lambda: S([1, 2]))
t(lambda: S([1, 2], 3).copy())
t(lambda: S([1]) + S([2]))


class T(deque):
    def __init__(self, x):
        super().__init__([x], maxlen=4)
        self.k = 1


t(lambda: T(5))
t(lambda: T(5).k)
t(lambda: isinstance(T(1), deque))
