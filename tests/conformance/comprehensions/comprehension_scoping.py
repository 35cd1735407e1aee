x = "outer"
result = [x for x in range(3)]
print(result, x)
i = 100
squares = [i * i for i in range(4)]
print(squares, i)
total = 10
print([total + n for n in range(3)])
funcs = [lambda: n for n in range(3)]
print([f() for f in funcs])
funcs2 = [lambda n=n: n for n in range(3)]
print([f() for f in funcs2])
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
