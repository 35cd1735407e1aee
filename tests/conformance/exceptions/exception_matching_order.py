class A(Exception): pass
class B(A): pass
class C(B): pass
for exc in (A, B, C):
    try:
        raise exc(exc.__name__)
    except C:
        print("caught as C:", exc.__name__)
    except B:
        print("caught as B:", exc.__name__)
    except A:
        print("caught as A:", exc.__name__)
try:
    raise C("c")
except A as e:
    print("base first catches:", type(e).__name__)
except C:
    print("never")
try:
    raise KeyError
except KeyError as e:
    print(repr(e), e.args)
