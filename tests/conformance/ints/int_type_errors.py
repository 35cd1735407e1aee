for expr in ("1 + '2'", "'2' * 'x'", "[1] + 1", "5 < 'a'", "None + 1", "-'x'", "~1.5"):
    try:
        print(eval(expr))
    except TypeError as e:
        print(type(e).__name__, "|", e)
print("ab" * 3, 3 * [0], 2 * (1,))
