def shout(fn):
    def wrapper(*args, **kwargs):
        result = fn(*args, **kwargs)
        return result.upper() + "!"
    return wrapper
@shout
def hello(name):
    return "hello " + name
print(hello("ann"), hello.__name__)
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def roll(x):
    return x * 2
print(roll(5))
calls = []
def trace(fn):
    def w(*a):
        calls.append(fn.__name__)
        return fn(*a)
    return w
@trace
@shout
def bye(n):
    return "bye " + n
print(bye("bob"), calls)
