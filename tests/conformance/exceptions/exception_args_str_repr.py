excs = [Exception(), Exception("msg"), Exception("a", 2), ValueError(""), KeyError("k"), KeyError("a", "b"),
        OSError(2, "No such file"), IndexError(5), StopIteration(42), SystemExit(3), Exception(None), Exception([1])]
for e in excs:
    print(type(e).__name__, "| str:", repr(str(e)), "| repr:", repr(e), "| args:", e.args)
print(StopIteration(42).value, SystemExit(3).code, SystemExit().code)
