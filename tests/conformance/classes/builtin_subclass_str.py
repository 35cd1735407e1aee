# str(), format() and %s of builtin subclasses that override __repr__:
# only str (and bytes) have a __str__ of their own.
class T(tuple):
    def __repr__(self): return 'T!'
class L(list):
    def __repr__(self): return 'L!'
class I(int):
    def __repr__(self): return 'I!'
class S(str):
    def __repr__(self): return 'S!'
class D(dict):
    def __repr__(self): return 'D!'
print(T(), str(T()), f'{T()}', L(), str(L()), I(3), str(I(3)), S('x'), str(S('x')), D(), f'{D()}', [T()], '%s' % (T(),))
