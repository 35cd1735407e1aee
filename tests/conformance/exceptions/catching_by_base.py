def trigger(kind):
    if kind == "key":
        {}["k"]
    if kind == "index":
        [][0]
    if kind == "zero":
        1 // 0
    if kind == "type":
        len(1)
    if kind == "attr":
        None.foo
for kind in ["key", "index", "zero", "type", "attr"]:
    try:
        trigger(kind)
    except LookupError as e:
        print(kind, "LookupError branch:", type(e).__name__, e)
    except ArithmeticError as e:
        print(kind, "ArithmeticError branch:", type(e).__name__, e)
    except (TypeError, AttributeError) as e:
        print(kind, "tuple branch:", type(e).__name__, e)
