sources = [
    "x = (1, 2",
    "if True\n    pass",
    "def f():\nreturn 1",
    "1 + ",
    "a = 1 +* 2",
    "del 5",
    "f() = 3",
    "for x in range(3):\n    pass\ncontinue",
    "x = 'abc",
    "lambda x: yield x",
    "None = 1",
    "a, b += 1, 2",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled OK:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, "|", e.msg, "| line", e.lineno)
