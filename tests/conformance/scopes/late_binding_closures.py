funcs = []
for i in range(3):
    funcs.append(lambda: i)
print([f() for f in funcs])
funcs = []
for i in range(3):
    funcs.append(lambda i=i: i)
print([f() for f in funcs])
def make(n):
    return lambda: n
print([make(i)() for i in range(3)])
adders = [lambda x, k=k: x + k for k in range(3)]
print([a(10) for a in adders])
i = 99
print(funcs[0](), [f() for f in [lambda: i]])
