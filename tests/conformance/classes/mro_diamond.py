class A:
    def who(self):
        return "A"
class B(A):
    def who(self):
        return "B>" + super().who()
class C(A):
    def who(self):
        return "C>" + super().who()
class D(B, C):
    def who(self):
        return "D>" + super().who()
print(D().who())
print([k.__name__ for k in D.mro()])
print(D.__mro__ == tuple(D.mro()))
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print(type(e).__name__, e)
