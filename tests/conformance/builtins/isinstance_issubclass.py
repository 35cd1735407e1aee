print(isinstance(5, int), isinstance(True, int), isinstance(5, (str, float)), isinstance(5.0, (str, float)))
print(isinstance("s", str), isinstance([], list), isinstance([], (tuple, list)), isinstance(None, type(None)))
print(issubclass(bool, int), issubclass(int, object), issubclass(list, (tuple, list)), issubclass(str, str))
class A: pass
class B(A): pass
print(isinstance(B(), A), isinstance(A(), B), issubclass(B, A), issubclass(A, object))
print(isinstance(A, type), isinstance(int, type), isinstance(type, type), isinstance(type, object))
try:
    isinstance(5, 5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    issubclass(5, int)
except TypeError as e:
    print(type(e).__name__, e)
