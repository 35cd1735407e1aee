def apply(fn, *args):
    return fn(*args)
print(apply(max, 3, 9, 2), apply(len, "abc"), apply(str.upper, "x"))
funcs = [abs, str, lambda v: v * 2]
print([f(-3) for f in funcs])
def make_multiplier(k):
    def mul(x):
        return x * k
    mul.factor = k
    return mul
double = make_multiplier(2)
print(double(21), double.factor, make_multiplier(3)(3))
print(callable(double), callable(3), type(double).__name__)
