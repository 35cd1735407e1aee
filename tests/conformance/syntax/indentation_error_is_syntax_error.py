try:
    compile("if True:\nprint(1)", "<s>", "exec")
except SyntaxError as e:
    print(type(e).__name__)
    print(isinstance(e, SyntaxError), issubclass(IndentationError, SyntaxError))
    print(e.msg)
    print(e.lineno)
try:
    exec("x = 1\n  y = 2")
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    eval("1 +")
except SyntaxError as e:
    print(type(e).__name__, e.msg)
print(eval("2 ** 10"))
exec("z = 7 * 6\nprint('z is', z)")
