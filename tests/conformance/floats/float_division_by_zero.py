for expr in ("1.0 / 0.0", "1.0 // 0", "1.0 % 0", "0.0 / 0", "divmod(1.5, 0)", "0.0 ** -1", "(-8.0) ** 2"):
    try:
        print(expr, "=", eval(expr))
    except (ZeroDivisionError, ValueError) as e:
        print(expr, "->", type(e).__name__, e)
