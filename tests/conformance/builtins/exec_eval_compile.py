print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}), eval("[i for i in range(3)]"))
ns = {}
exec("def f(a):\n    return a + 1\ny = f(10)", ns)
print(ns["y"], ns["f"](1))
code = compile("print('compiled', 7 * 6)", "<string>", "exec")
exec(code)
print(eval(compile("2 ** 8", "<e>", "eval")))
env = {"__builtins__": {}}
try:
    eval("len([1])", env)
except NameError as e:
    print(type(e).__name__, e)
