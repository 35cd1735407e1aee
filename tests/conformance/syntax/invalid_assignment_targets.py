for src in ["x + 1 = 2", "f(x) = 1", "[a, b] = [1, 2]", "(a, b) = 1, 2",
            "a.b = 1", "a[0] = 1", "'s' = 1", "x, 1 = 2, 3", "*a, *b = [1, 2]"]:
    try:
        compile(src, "<t>", "exec")
        print("ok:", src)
    except SyntaxError as e:
        print("SyntaxError:", src, "->", e.msg)
