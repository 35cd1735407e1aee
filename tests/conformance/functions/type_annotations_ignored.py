def add(a: int, b: int) -> int:
    return a + b
print(add("x", "y"), add(1.5, 2))
x: int = "not an int"
y: list[str]
print(x, "y" in dir(), __annotations__ if False else "ok")
def f(v: "forward ref") -> None:
    return v
print(f(3))
