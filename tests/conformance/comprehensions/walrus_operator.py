data = [3, 8, 1, 9]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")
items = iter(["a", "b", "", "c"])
while (item := next(items)):
    print("got", item)
print((x := 5) * 2, x)
def f(v):
    return v * 3
values = [f(1), f(2)]
print([r for v in range(4) if (r := f(v)) % 2 == 0])
print(x, (y := x + 1), y)
