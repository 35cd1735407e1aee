def evaluate(expr):
    match expr:
        case int() | float():
            return expr
        case ("+", a, b):
            return evaluate(a) + evaluate(b)
        case ("-", a):
            return -evaluate(a)
        case ("-", a, b):
            return evaluate(a) - evaluate(b)
        case ("*", *args):
            result = 1
            for a in args:
                result *= evaluate(a)
            return result
        case (op, *_):
            raise ValueError(f"unknown operator {op!r}")
        case _:
            raise TypeError(f"bad expression {expr!r}")
tests = [3, ("+", 1, 2), ("-", 5), ("-", 10, ("*", 2, 3)), ("*", 1, 2, 3, 4), ("/", 1, 2), "oops"]
for t in tests:
    try:
        print(t, "=", evaluate(t))
    except (ValueError, TypeError) as e:
        print(t, "->", type(e).__name__, e)
